package io.sitroom.error;

/** The error object of the wire protocol: {@code {"code":"forbidden","message":"..."}}. */
public record ApiError(ErrorCode code, String message) {

    /** The REST error body: {@code {"error":{"code","message"}}}. */
    public record Body(ApiError error) {
    }

    public Body asBody() {
        return new Body(this);
    }
}
