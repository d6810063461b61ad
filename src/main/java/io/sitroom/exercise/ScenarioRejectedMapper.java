package io.sitroom.exercise;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.sitroom.error.ErrorCode;

/** {@code {"error":{"code":"invalid","message","errors":[...]}}}: the protocol's error body with every error of the scenario. */
@Provider
public class ScenarioRejectedMapper implements ExceptionMapper<ScenarioRejected> {

    public record Detail(ErrorCode code, String message, List<?> errors) {
    }

    public record Body(Detail error) {
    }

    @Override
    public Response toResponse(ScenarioRejected e) {
        return Response.status(e.code().httpStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Body(new Detail(e.code(), e.getMessage(), e.errors()))).build();
    }
}
