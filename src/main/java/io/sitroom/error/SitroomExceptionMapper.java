package io.sitroom.error;

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

    public static Response respond(ApiError error) {
        return Response.status(error.code().httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error.asBody())
                .build();
    }
}
