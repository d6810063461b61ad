package io.sitroom.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.error.OutageLog;
import io.sitroom.room.AppendListener;
import io.sitroom.room.EventLog;
import io.sitroom.room.EventView;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;

/**
 * Sends queued webhook deliveries, off the rooms' threads: in seq order per endpoint, signed with
 * HMAC-SHA256, retried with exponential backoff (2 s doubling to 1 h, then given up after
 * {@value #MAX_ATTEMPTS} attempts). A delivery is marked delivered once the endpoint answered 2xx,
 * so a restart resends nothing already acknowledged. Every request carries
 * {@code X-Sitroom-Delivery}, the same for retries, for the receiver to recognise a repeat.
 */
@ApplicationScoped
public class WebhookDispatcher implements AppendListener {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private final OutageLog outage = new OutageLog(LOG, "webhook deliveries");
    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 100;
    public static final String SIGNATURE_HEADER = "X-Sitroom-Signature";

    private final Clock clock;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService kick = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sitroom-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean kicked = new AtomicBoolean();

    private final WebhookTargets targets;

    private final EventLog log;

    public WebhookDispatcher(Clock clock, ObjectMapper mapper, WebhookTargets targets, EventLog log) {
        this.log = log;
        this.targets = targets;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** After a commit, sends soon rather than at the next poll; never on the committing thread. */
    @Override
    public void appended(UUID roomId, List<RecordedEvent> events) {
        if (kicked.compareAndSet(false, true)) {
            kick.execute(() -> {
                kicked.set(false);
                dispatchDue();
            });
        }
    }

    @Scheduled(every = "${sitroom.webhooks.poll-interval:2s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        dispatchDue();
    }

    /** Sends every delivery due now; returns how many were delivered. */
    public synchronized int dispatchDue() {
        List<WebhookDelivery.Key> due;
        try {
            due = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery
                    .<WebhookDelivery> find("status = ?1 and nextAttemptAt <= ?2", Sort.ascending("createdAt", "roomId", "seq"),
                            WebhookDelivery.PENDING, clock.instant())
                    .page(0, BATCH).list().stream().map(d -> new WebhookDelivery.Key(d.webhookId, d.roomId, d.seq)).toList());
            outage.succeeded();
        } catch (RuntimeException e) {
            if (!outage.failed(e)) {
                LOG.warnf("webhook deliveries could not be read: %s", e.getMessage());
            }
            return 0;
        }
        Set<UUID> waiting = new HashSet<>();
        int delivered = 0;
        for (WebhookDelivery.Key key : due) {
            if (waiting.contains(key.webhookId())) {
                continue; // keep each endpoint's deliveries in order: a later one waits for an earlier retry
            }
            if (send(key)) {
                delivered++;
            } else {
                waiting.add(key.webhookId());
            }
        }
        return delivered;
    }

    private record Prepared(String url, String secret, String body, String kind) {
    }

    private boolean send(WebhookDelivery.Key key) {
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(key));
        if (prepared == null) {
            return true;
        }
        Integer status = null;
        // Checked again at delivery: the allow-list may have changed, and so may what the host resolves to.
        String error = targets.refusal(URI.create(prepared.url())).map(why -> "not sent: " + why).orElse(null);
        if (error == null) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(prepared.url())).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Sitroom-Webhooks/1")
                        .header("X-Sitroom-Event", prepared.kind())
                        .header("X-Sitroom-Delivery", key.webhookId() + "/" + key.roomId() + "/" + key.seq())
                        .header(SIGNATURE_HEADER, "sha256=" + hmac(prepared.secret(), prepared.body()))
                        .POST(HttpRequest.BodyPublishers.ofString(prepared.body(), StandardCharsets.UTF_8)).build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        boolean ok = status != null && status >= 200 && status < 300;
        Integer finalStatus = status;
        String finalError = error;
        QuarkusTransaction.requiringNew().run(() -> record(key, ok, finalStatus, finalError));
        return ok;
    }

    private Prepared prepare(WebhookDelivery.Key key) {
        WebhookDelivery delivery = WebhookDelivery.findById(key);
        Webhook hook = Webhook.findById(key.webhookId());
        if (delivery == null || !WebhookDelivery.PENDING.equals(delivery.status)) {
            return null;
        }
        if (hook == null || !hook.active) {
            delivery.status = WebhookDelivery.FAILED;
            delivery.lastError = "the webhook was removed";
            return null;
        }
        RecordedEvent event = log.page(key.roomId(), key.seq() - 1, 1).get(0);
        EventView view = event.view();
        Room room = Room.findById(key.roomId());
        Object body = hook.slack ? Map.of("text", SlackText.of(room.title, event))
                : Map.of("webhookId", hook.id, "delivery", key.webhookId() + "/" + key.roomId() + "/" + key.seq(), "roomTitle", room.title,
                        "event", view);
        try {
            return new Prepared(hook.url, hook.secret, mapper.writeValueAsString(body), view.kind());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(WebhookDelivery.Key key, boolean ok, Integer status, String error) {
        WebhookDelivery delivery = WebhookDelivery.findById(key);
        delivery.attempts++;
        delivery.lastStatus = status;
        delivery.lastError = ok ? null : error != null ? truncate(error) : "HTTP " + status;
        if (ok) {
            delivery.status = WebhookDelivery.DELIVERED;
            delivery.deliveredAt = clock.instant();
        } else if (delivery.attempts >= MAX_ATTEMPTS) {
            delivery.status = WebhookDelivery.FAILED;
        } else {
            long backoffSeconds = Math.min(3600, 2L << Math.min(20, delivery.attempts - 1));
            delivery.nextAttemptAt = clock.instant().plusSeconds(backoffSeconds);
        }
    }

    private static String truncate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** HMAC-SHA256 of the body with the webhook's secret, lower-case hex. */
    public static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @PreDestroy
    void stop() {
        kick.shutdownNow();
    }
}
