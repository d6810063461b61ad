package io.sitroom.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

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

    /**
     * A body that is JSON but does not fit the request (a field of the wrong type): the same error
     * shape as every refusal, naming the field, instead of the framework's default body.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining("."));
        return respond(new ApiError(ErrorCode.INVALID,
                field.isEmpty() ? "request body does not fit this request" : "field '" + field + "' has the wrong type or form"));
    }

    public static Response respond(ApiError error) {
        return Response.status(error.code().httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error.asBody())
                .build();
    }
}
