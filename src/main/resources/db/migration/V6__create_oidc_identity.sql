-- Company sign-in (OpenID Connect): the stable link from a person at an issuer (iss + sub) to their account.
CREATE TABLE oidc_identity (
    id              UUID PRIMARY KEY,
    issuer          VARCHAR(512) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    user_id         UUID         NOT NULL REFERENCES app_user (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oidc_identity_issuer_subject UNIQUE (issuer, subject)
);
CREATE INDEX oidc_identity_user ON oidc_identity (user_id);
