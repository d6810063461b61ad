package io.sitroom.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.error.ApiError;
import io.sitroom.error.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP requests a node is serving, for the last step of its drain ({@link Drain}): once its sockets are
 * closed, a new request is answered {@code 503 unavailable} with {@code Retry-After} (a balancer hands it to
 * another node: nothing was done here), and the drain waits for the requests already taken to be answered.
 * <p>
 * Quarkus' own graceful shutdown ({@code quarkus.shutdown.timeout}) counts a WebSocket's upgrade request as in
 * flight for good, even after the socket closed, so a node that ever held a socket waited out its whole timeout
 * on every stop. Here a socket's upgrade is not a request in flight: the drain closes the sockets itself.
 * Health endpoints are always answered (readiness says DOWN while draining).
 */
@ApplicationScoped
public class InFlightRequests {

    static final String MESSAGE = "this server is stopping and took nothing; send it again (another server answers)";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final String refusal;
    private volatile boolean refusing;

    public InFlightRequests(ObjectMapper json) throws JsonProcessingException {
        this.refusal = json.writeValueAsString(new ApiError(ErrorCode.UNAVAILABLE, MESSAGE).asBody());
    }

    void register(@Observes Router router) {
        router.route().order(-1_000).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (isUpgrade(context) || context.normalizedPath().startsWith("/q/health")) {
            context.next();
            return;
        }
        if (refusing) {
            context.response().setStatusCode(ErrorCode.UNAVAILABLE.httpStatus())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.RETRY_AFTER, "1")
                    .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .end(refusal);
            return;
        }
        inFlight.incrementAndGet();
        // Called once the answer is written, or the connection failed or closed first.
        context.addEndHandler(done -> inFlight.decrementAndGet());
        context.next();
    }

    private static boolean isUpgrade(RoutingContext context) {
        String upgrade = context.request().getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && "websocket".equalsIgnoreCase(upgrade);
    }

    /** Requests taken and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    /** Whether new requests are refused (the drain has begun). */
    boolean refusing() {
        return refusing;
    }

    /** From now on every new request is refused; waits (at most {@code wait}) for those already taken. Returns how many are left. */
    int refuseNewAndAwait(Duration wait) {
        refusing = true;
        long deadline = System.nanoTime() + wait.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return inFlight.get();
    }
}
