package io.sitroom.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Jwk;
import io.sitroom.error.OutageLog;
import io.sitroom.evidence.Checkpoints;
import io.sitroom.room.AppendListener;
import io.sitroom.room.EventLog;
import io.sitroom.room.EventView;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;

/**
 * Sends queued webhook deliveries, off the rooms' threads, each endpoint strictly in order: only the
 * head of an endpoint's queue (its oldest delivery not yet delivered: by the time of its event or
 * checkpoint, and within a room by seq, a checkpoint after the event at its seq) is ever sent, so a
 * later delivery waits while an earlier one is retried, also across restarts (the queue is the
 * {@code webhook_delivery} table). Requests are signed with
 * HMAC-SHA256 and retried with exponential backoff (2 s doubling to 1 h); after
 * {@code sitroom.webhooks.max-attempts} the delivery is dead-lettered and the endpoint holds
 * everything after it until it is resumed ({@link WebhookService#resume}). A delivery is marked
 * delivered once the endpoint answered 2xx, so a restart resends nothing already acknowledged. Every
 * request carries {@code X-Sitroom-Delivery}, the same for retries, for the receiver to recognise a
 * repeat.
 */
@ApplicationScoped
public class WebhookDispatcher implements AppendListener {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private final OutageLog outage = new OutageLog(LOG, "webhook deliveries");
    /** Most deliveries sent to one endpoint in one pass, so one busy endpoint does not keep the others waiting. */
    private static final int PER_ENDPOINT = 100;
    public static final String SIGNATURE_HEADER = "X-Sitroom-Signature";
    /** How long an attempt is claimed by the node sending it: longer than a send can take. */
    static final Duration CLAIM = Duration.ofMillis(4L * (WebhookSender.CONNECT_TIMEOUT_MS + WebhookSender.RESPONSE_TIMEOUT_MS));

    private final Clock clock;
    private final ObjectMapper mapper;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final EventLog log;
    private final Checkpoints checkpoints;
    private final WebhookFeature feature;
    private final int maxAttempts;
    private final ExecutorService kick = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sitroom-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean kicked = new AtomicBoolean();
    private final Counter delivered;
    private final Counter failed;
    private final Counter deadLettered;
    private final AtomicLong queueDepth = new AtomicLong();

    public WebhookDispatcher(Clock clock, ObjectMapper mapper, WebhookTargets targets, WebhookSender sender, EventLog log,
            Checkpoints checkpoints, WebhookFeature feature, WebhookConfig config, MeterRegistry registry) {
        this.clock = clock;
        this.mapper = mapper;
        this.targets = targets;
        this.sender = sender;
        this.log = log;
        this.checkpoints = checkpoints;
        this.feature = feature;
        this.maxAttempts = Math.max(1, config.maxAttempts());
        this.delivered = outcome(registry, "delivered");
        this.failed = outcome(registry, "failed");
        this.deadLettered = outcome(registry, "dead_lettered");
        // A meter registry may outlive an application start (a test JVM restarts the application for another profile):
        // a gauge left by an earlier start reads its collected state as NaN, and would shadow this one.
        registry.find("sitroom.webhook.queue.depth").gauges().forEach(registry::remove);
        Gauge.builder("sitroom.webhook.queue.depth", queueDepth, AtomicLong::get)
                .description("Webhook deliveries not yet delivered (pending or held behind a dead letter)").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("sitroom.webhook.deliveries").description("Webhook delivery attempts, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** After a commit that queued deliveries, sends soon rather than at the next poll; never on the committing thread. */
    @Override
    public void appended(UUID roomId, List<RecordedEvent> events) {
        if (feature.mayHaveQueued()) {
            kick();
        }
    }

    /** Looks at the queues soon, on the dispatcher's thread. */
    void kick() {
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

    /** Sends, for every endpoint whose head is due now, its head and what follows while it is answered; returns how many were delivered. */
    public synchronized int dispatchDue() {
        List<UUID> endpoints;
        try {
            endpoints = QuarkusTransaction.requiringNew().call(() -> {
                queueDepth.set(WebhookDelivery.count("status in ?1", List.of(WebhookDelivery.PENDING, WebhookDelivery.DEAD_LETTERED)));
                return WebhookDelivery.getEntityManager()
                        .createQuery("select distinct d.webhookId from WebhookDelivery d where d.status = ?1 and d.nextAttemptAt <= ?2", UUID.class)
                        .setParameter(1, WebhookDelivery.PENDING).setParameter(2, clock.instant()).getResultList();
            });
            outage.succeeded();
        } catch (RuntimeException e) {
            if (!outage.failed(e)) {
                LOG.warnf("webhook deliveries could not be read: %s", e.getMessage());
            }
            return 0;
        }
        int sent = 0;
        for (UUID endpoint : endpoints) {
            for (int i = 0; i < PER_ENDPOINT; i++) {
                Prepared head = QuarkusTransaction.requiringNew().call(() -> prepareHead(endpoint));
                if (head == null) {
                    break;
                }
                if (!send(head)) {
                    break;
                }
                sent++;
            }
        }
        if (sent > 0) {
            QuarkusTransaction.requiringNew().run(() -> queueDepth.set(
                    WebhookDelivery.count("status in ?1", List.of(WebhookDelivery.PENDING, WebhookDelivery.DEAD_LETTERED))));
        }
        return sent;
    }

    private record Prepared(WebhookDelivery.Key key, String url, String secret, String body, String kind) {
    }

    /**
     * The head of the endpoint's queue, ready to send; null when there is none, when it is not due yet,
     * or when the endpoint is held behind a dead letter.
     */
    private Prepared prepareHead(UUID webhookId) {
        while (true) {
            if (WebhookDelivery.count("webhookId = ?1 and status = ?2", webhookId, WebhookDelivery.DEAD_LETTERED) > 0) {
                return null;
            }
            WebhookDelivery oldest = WebhookDelivery.<WebhookDelivery> find("webhookId = ?1 and status = ?2",
                    Sort.ascending("createdAt", "roomId", "seq", "checkpoint"), webhookId, WebhookDelivery.PENDING).firstResult();
            if (oldest == null) {
                return null;
            }
            // Within a room the seq decides, whatever the clock said when the events were appended; the checkpoint at
            // a seq follows the event at that seq.
            WebhookDelivery head = WebhookDelivery.<WebhookDelivery> find("webhookId = ?1 and roomId = ?2 and status = ?3",
                    Sort.ascending("seq", "checkpoint"), webhookId, oldest.roomId, WebhookDelivery.PENDING).firstResult();
            if (head.nextAttemptAt.isAfter(clock.instant())) {
                return null;
            }
            Webhook hook = Webhook.findById(webhookId);
            if (hook == null || !hook.active) {
                WebhookDelivery.update("status = ?1, lastError = ?2 where webhookId = ?3 and status = ?4", WebhookDelivery.DROPPED,
                        "the webhook was removed", webhookId, WebhookDelivery.PENDING);
                return null;
            }
            WebhookDelivery.Key key = head.key();
            Room room = Room.findById(key.roomId());
            Object body = key.checkpoint() ? checkpointBody(hook, head, room) : eventBody(hook, head, room);
            if (body == null) {
                continue; // dropped, with the reason in its lastError
            }
            // Claimed by moving its next attempt past the send (compare-and-set): another node finds the head
            // not due and neither sends it nor anything after it; if this node dies mid-send, the claim runs out.
            int claimed = WebhookDelivery.update("nextAttemptAt = ?1 where webhookId = ?2 and roomId = ?3 and seq = ?4 and checkpoint = ?5"
                    + " and status = ?6 and nextAttemptAt = ?7", clock.instant().plus(CLAIM), key.webhookId(), key.roomId(), key.seq(),
                    key.checkpoint(), WebhookDelivery.PENDING, head.nextAttemptAt);
            return claimed == 1 ? new Prepared(key, hook.url, hook.secret, json(body), head.kind) : null;
        }
    }

    /** The body of an event's delivery; null (the delivery dropped) when the event is not one for everyone in the room. */
    private Object eventBody(Webhook hook, WebhookDelivery delivery, Room room) {
        List<RecordedEvent> page = log.page(delivery.roomId, delivery.seq - 1, 1);
        if (page.isEmpty() || page.get(0).seq() != delivery.seq || !page.get(0).forEveryone()) {
            // never queued by this version; nothing restricted leaves the server
            return drop(delivery, "the event is not one for everyone in the room");
        }
        RecordedEvent event = page.get(0);
        return switch (hook.format) {
            case SLACK -> SlackMessage.body(ChatLine.of(room.title, event));
            case TEAMS -> TeamsCard.body(ChatLine.of(room.title, event));
            case JSON -> {
                EventView view = event.view();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("webhookId", hook.id);
                body.put("delivery", deliveryId(delivery.key()));
                body.put("roomTitle", room.title);
                body.put("event", view);
                yield body;
            }
        };
    }

    /**
     * The body of a checkpoint's delivery: the checkpoint as {@code GET /api/rooms/{id}/checkpoints} lists it and the
     * published key that verifies it, so the receiver can keep both as evidence; nothing of any event. Null (the
     * delivery dropped) when the checkpoint or its key is gone.
     */
    private Object checkpointBody(Webhook hook, WebhookDelivery delivery, Room room) {
        Optional<Checkpoint> stored = checkpoints.at(delivery.roomId, delivery.seq);
        if (stored.isEmpty()) {
            return drop(delivery, "the checkpoint is no longer stored");
        }
        Checkpoint checkpoint = stored.get();
        Optional<Jwk> signer = checkpoints.key(checkpoint.kid());
        if (signer.isEmpty()) {
            return drop(delivery, "the key that signed the checkpoint is no longer published");
        }
        return switch (hook.format) {
            case SLACK -> SlackMessage.checkpoint(room.title, checkpoint);
            case TEAMS -> TeamsCard.checkpoint(room.title, checkpoint);
            case JSON -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("webhookId", hook.id);
                body.put("delivery", deliveryId(delivery.key()));
                body.put("roomTitle", room.title);
                body.put("checkpoint", checkpoint);
                body.put("key", signer.get());
                yield body;
            }
        };
    }

    /** Marks the delivery dropped, never to be sent, saying why; answers null, the body it has not. */
    private static Object drop(WebhookDelivery delivery, String why) {
        delivery.status = WebhookDelivery.DROPPED;
        delivery.lastError = why;
        return null;
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <webhook>/<room>/<seq>} for an event, {@code <webhook>/<room>/checkpoint/<seq>} for a checkpoint: never the same. */
    private static String deliveryId(WebhookDelivery.Key key) {
        return key.webhookId() + "/" + key.roomId() + (key.checkpoint() ? "/" + WebhookDelivery.CHECKPOINT + "/" : "/") + key.seq();
    }

    private boolean send(Prepared prepared) {
        Integer status = null;
        String error = null;
        URI url = URI.create(prepared.url());
        // Checked again at delivery (the allow-list may have changed, and so may what the host resolves
        // to), and sent to the very address that was checked.
        WebhookTargets.Check target = targets.check(url);
        if (target instanceof WebhookTargets.Refused refused) {
            error = "not sent: " + refused.reason();
        } else if (target instanceof WebhookTargets.Allowed allowed) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "Sitroom-Webhooks/1");
            headers.put("X-Sitroom-Event", prepared.kind());
            headers.put("X-Sitroom-Delivery", deliveryId(prepared.key()));
            headers.put(SIGNATURE_HEADER, "sha256=" + hmac(prepared.secret(), prepared.body()));
            try {
                status = sender.post(url, allowed, headers, prepared.body());
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        boolean ok = status != null && status >= 200 && status < 300;
        Integer finalStatus = status;
        String finalError = error;
        QuarkusTransaction.requiringNew().run(() -> record(prepared.key(), ok, finalStatus, finalError));
        return ok;
    }

    private void record(WebhookDelivery.Key key, boolean ok, Integer status, String error) {
        WebhookDelivery delivery = WebhookDelivery.findById(key);
        if (delivery == null || !WebhookDelivery.PENDING.equals(delivery.status)) {
            return;
        }
        delivery.attempts++;
        delivery.lastStatus = status;
        delivery.lastError = ok ? null : error != null ? truncate(error) : "HTTP " + status;
        if (ok) {
            delivery.status = WebhookDelivery.DELIVERED;
            delivery.deliveredAt = clock.instant();
            delivered.increment();
        } else if (delivery.attempts >= maxAttempts) {
            delivery.status = WebhookDelivery.DEAD_LETTERED;
            deadLettered.increment();
            LOG.warnf("webhook %s: the delivery of the %s at seq %d of room %s is dead-lettered after %d attempts; the endpoint holds its"
                    + " later deliveries until it is resumed", key.webhookId(), key.checkpoint() ? "checkpoint" : "event", key.seq(), key.roomId(),
                    delivery.attempts);
        } else {
            long backoffSeconds = Math.min(3600, 2L << Math.min(20, delivery.attempts - 1));
            delivery.nextAttemptAt = clock.instant().plusSeconds(backoffSeconds);
            failed.increment();
        }
    }

    private static String truncate(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ");
        return line.length() > 500 ? line.substring(0, 500) : line;
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
