package io.sitroom.webhook;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Posts one webhook body to the address {@link WebhookTargets} checked, not to whatever the name
 * resolves to a moment later: the connection goes to that address, while the Host header, the TLS
 * server name (SNI) and the certificate's host name check use the URL's host. (The JDK's HTTP client
 * resolves the name itself and cannot be pinned; Vert.x's client takes the server address apart from
 * the host.) Redirects are not followed.
 */
@ApplicationScoped
public class WebhookSender {

    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int RESPONSE_TIMEOUT_MS = 10_000;

    private final HttpClient http;

    public WebhookSender(Vertx vertx) {
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setVerifyHost(true)
                .setKeepAlive(false));
    }

    /** Sends and answers the HTTP status; throws when no answer came. */
    public int post(URI url, WebhookTargets.Allowed target, Map<String, String> headers, String body) throws Exception {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .setIdleTimeout(RESPONSE_TIMEOUT_MS);
        headers.forEach(options::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        try {
            return http.request(options)
                    .compose(request -> {
                        sent.set(request);
                        return request.send(Buffer.buffer(body));
                    })
                    // The body is not read (no handler: Vert.x drops it). Setting a handler here would race with an
                    // answer that has already ended when this runs off the event loop ("Response already ended").
                    .compose(response -> response.end().map(done -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture()
                    .get(CONNECT_TIMEOUT_MS + RESPONSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            // An endpoint that keeps the answer coming forever is cut off.
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw new TimeoutException("no complete answer within " + (CONNECT_TIMEOUT_MS + RESPONSE_TIMEOUT_MS) + " ms");
        }
    }

    @PreDestroy
    void stop() {
        http.close();
    }
}
