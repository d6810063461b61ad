package io.sitroom.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Maps refusals and unreadable bodies to {@code {"error":{"code","message"}}} with the matching status. */
public class SitroomExceptionMapper {

    @ServerExceptionMapper
    public Response refusal(SitroomException e) {
        return respond(e.toApiError());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return respond(new ApiError(ErrorCode.INVALID, "request body is not valid JSON: " + e.getOriginalMessage()));
    }

    /** Framework refusals (unreadable body, unknown path, wrong method) get the same error body. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.TOO_LARGE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> ErrorCode.INVALID;
        };
        String message = status == 400 ? "request could not be read: the body is not the expected JSON" : e.getMessage();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message).asBody()).build();
    }

    public static Response respond(ApiError error) {
        return Response.status(error.code().httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error.asBody())
                .build();
    }
}
