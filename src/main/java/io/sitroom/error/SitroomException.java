package io.sitroom.error;

/**
 * A refusal that a client can understand: a protocol error code and a plain-words message.
 * Thrown by deciders and services; the edges (REST, WebSocket) turn it into the wire form.
 */
public class SitroomException extends RuntimeException {
    private final ErrorCode code;

    public SitroomException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public ApiError toApiError() {
        return new ApiError(code, getMessage());
    }

    public static SitroomException invalid(String message) {
        return new SitroomException(ErrorCode.INVALID, message);
    }

    public static SitroomException forbidden(String message) {
        return new SitroomException(ErrorCode.FORBIDDEN, message);
    }

    public static SitroomException notFound(String message) {
        return new SitroomException(ErrorCode.NOT_FOUND, message);
    }

    public static SitroomException conflict(String message) {
        return new SitroomException(ErrorCode.CONFLICT, message);
    }
}
