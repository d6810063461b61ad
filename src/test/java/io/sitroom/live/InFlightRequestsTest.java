package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** The last step of a drain, on a plain Vert.x router: the requests taken are answered, new ones refused (RollingRestartIT: the whole drain). */
class InFlightRequestsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Vertx vertx;
    HttpServer server;
    InFlightRequests requests;
    final CountDownLatch slowArrived = new CountDownLatch(1);
    final CountDownLatch releaseSlow = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        requests = new InFlightRequests(new ObjectMapper());
        Router router = Router.router(vertx);
        requests.register(router);
        router.get("/slow").blockingHandler(context -> {
            slowArrived.countDown();
            try {
                releaseSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            context.response().end("answered");
        });
        router.get("/fast").handler(context -> context.response().end("fast"));
        router.get("/q/health/ready").handler(context -> context.response().setStatusCode(503).end("{\"status\":\"DOWN\"}"));
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        vertx.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestTakenBeforeTheEnd_isAnswered_andTheDrainWaitsForIt() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/slow");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(slowArrived.await(10, TimeUnit.SECONDS));
        assertEquals(1, requests.inFlight());

        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> requests.refuseNewAndAwait(Duration.ofSeconds(10)));
        // Once the drain has begun (on another thread), and while it waits: a new request is refused, saying that
        // nothing was done and when to try again.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!requests.refusing() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(requests.refusing(), "the drain began");
        HttpResponse<String> refused = get("/fast");
        assertEquals(503, refused.statusCode());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(refused.body().contains("\"code\":\"unavailable\""), refused.body());
        assertEquals(503, get("/q/health/ready").statusCode(), "health is always answered by its own handler");
        assertTrue(refused.body().contains("took nothing"), refused.body());

        releaseSlow.countDown();
        assertEquals("answered", slow.get(10, TimeUnit.SECONDS).body());
        assertEquals(0, drained.get(10, TimeUnit.SECONDS), "every request taken was answered");
    }

    @Test
    void theWaitIsBounded_andSaysHowManyAreLeft() throws Exception {
        CompletableFuture.runAsync(() -> {
            try {
                get("/slow");
            } catch (Exception e) {
                // the test ends first
            }
        });
        assertTrue(slowArrived.await(10, TimeUnit.SECONDS));
        assertEquals(1, requests.refuseNewAndAwait(Duration.ofMillis(200)));
    }

    @Test
    void anAnsweredRequest_isNoLongerInFlight() throws Exception {
        assertEquals("fast", get("/fast").body());
        assertEquals(0, requests.refuseNewAndAwait(Duration.ofSeconds(1)));
    }
}
