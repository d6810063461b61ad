package io.sitroom.error;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives the framework's own 400s (a request body that is not JSON, a query parameter of the
 * wrong type) the protocol's error body. Done as a response filter rather than an exception
 * mapper: a mapper for the framework's exceptions would also catch unknown paths, which must
 * fall through to the web app's client-side routes.
 */
public class EmptyErrorBodyFilter {

    @ServerResponseFilter
    public void fillEmptyBadRequest(ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity()) {
            response.setEntity(new ApiError(ErrorCode.INVALID, "the request could not be read: its body or a parameter is malformed")
                    .asBody(), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
