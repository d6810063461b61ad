package io.sitroom.error;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@link RetryLater}: the protocol's error body, as every refusal, and {@code Retry-After}. */
public class RetryLaterMapper {

    @ServerExceptionMapper
    public Response retryLater(RetryLater e) {
        Response answer = SitroomExceptionMapper.respond(e.toApiError());
        return Response.fromResponse(answer).header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }
}
