package io.sitroom.security;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.sitroom.error.SitroomExceptionMapper;

/** {@link RetryLater}: the protocol's error body, as every refusal, and {@code Retry-After}. */
public class RetryLaterMapper {

    @ServerExceptionMapper
    public Response retryLater(RetryLater e) {
        Response answer = SitroomExceptionMapper.respond(e.toApiError());
        return Response.fromResponse(answer).header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }
}
