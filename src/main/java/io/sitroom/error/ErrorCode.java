package io.sitroom.error;

import com.fasterxml.jackson.annotation.JsonValue;

/** The protocol's error codes, each with the HTTP status a REST caller sees. */
public enum ErrorCode {
    INVALID("invalid", 400),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not_found", 404),
    CONFLICT("conflict", 409),
    /** A link that existed but no longer works: a debrief link expired or revoked. */
    GONE("gone", 410),
    TOO_LARGE("too_large", 413),
    RATE_LIMITED("rate_limited", 429),
    UNAVAILABLE("unavailable", 503);

    private final String wire;
    private final int httpStatus;

    ErrorCode(String wire, int httpStatus) {
        this.wire = wire;
        this.httpStatus = httpStatus;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
