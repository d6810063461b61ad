-- E-mail (issue 17, items 2 and 3).
-- app_user.email: the account's address, lower-cased; email_verified once the provider vouched for it
-- (company sign-in's email_verified) or the person followed a mailed link (email_confirmation: the link's
-- token, stored hashed, single-use, expiring). Only verified addresses are mailed notifications.
ALTER TABLE app_user ADD COLUMN email VARCHAR(254);
ALTER TABLE app_user ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX app_user_email ON app_user (email);

CREATE TABLE email_confirmation (
    token_hash VARCHAR(64)  PRIMARY KEY,
    user_id    UUID         NOT NULL REFERENCES app_user (id),
    email      VARCHAR(254) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX email_confirmation_user ON email_confirmation (user_id);

-- mail_outbox: every mail, written in the transaction that decided to send it; a sender claims due rows
-- (moving next_attempt_at past the send, compare-and-set), sends, and marks them sent or retries with backoff.
CREATE TABLE mail_outbox (
    id              UUID          PRIMARY KEY,
    category        VARCHAR(16)   NOT NULL,
    user_id         UUID,
    to_address      VARCHAR(254)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    text_body       VARCHAR(200000) NOT NULL,
    html_body       VARCHAR(400000) NOT NULL,
    unsubscribe_url VARCHAR(1000),
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_user ON mail_outbox (user_id, created_at);

-- Member notifications: one row per person and thing to tell them, written with the event (or timer) that
-- caused it, its line already filtered by what the person may see; mail_id once it went into a mail.
CREATE TABLE member_notification (
    id         UUID         PRIMARY KEY,
    user_id    UUID         NOT NULL,
    room_id    UUID         NOT NULL REFERENCES room (id),
    seq        BIGINT       NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    line       VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    mail_id    UUID
);
CREATE INDEX member_notification_pending ON member_notification (status, user_id, created_at);

-- Each person's choice: which kinds they are mailed, and whether as they happen (batched) or in a digest.
CREATE TABLE notification_settings (
    user_id    UUID         PRIMARY KEY REFERENCES app_user (id),
    kinds      VARCHAR(512) NOT NULL,
    digest     BOOLEAN      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Status page subscribers (double opt-in): the confirmation token stored hashed, single-use and expiring;
-- only confirmed subscribers are mailed. The unsubscribe token is in every mail (List-Unsubscribe), so it is
-- kept as it is: it can do nothing but remove that one address.
CREATE TABLE status_subscriber (
    id                 UUID         PRIMARY KEY,
    email              VARCHAR(254) NOT NULL,
    confirm_token_hash VARCHAR(64),
    confirm_expires_at TIMESTAMP WITH TIME ZONE,
    confirm_sent_at    TIMESTAMP WITH TIME ZONE,
    confirmed_at       TIMESTAMP WITH TIME ZONE,
    unsubscribe_token  VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX status_subscriber_email ON status_subscriber (email);
CREATE INDEX status_subscriber_confirm ON status_subscriber (confirm_token_hash);
CREATE UNIQUE INDEX status_subscriber_unsubscribe ON status_subscriber (unsubscribe_token);

-- What the status page's subscribers are to be told (a published statement, a resolution), written in the
-- unit of work; expanded into one mail per confirmed subscriber afterwards, if the room is still public.
CREATE TABLE subscriber_notice (
    id         UUID        PRIMARY KEY,
    room_id    UUID        NOT NULL REFERENCES room (id),
    seq        BIGINT      NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expanded   BOOLEAN     NOT NULL
);
CREATE INDEX subscriber_notice_pending ON subscriber_notice (expanded, created_at);
