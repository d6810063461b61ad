package io.sitroom.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.sitroom.error.SitroomException;
import io.sitroom.room.HashChain;
import io.sitroom.room.Member;
import io.sitroom.room.Room;
import io.sitroom.room.RoomService;
import io.sitroom.security.Caller;

/** Webhooks: a room's lead adds them for the room; the admin adds global ones. */
@ApplicationScoped
public class WebhookService {

    private final RoomService rooms;
    private final WebhookFeature feature;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final io.sitroom.audit.AuditLog audit;

    private final WebhookTargets targets;

    private final WebhookDispatcher dispatcher;

    /** The shortest secret accepted: HMAC-SHA256 keys shorter than this are guessable offline from one signed body. */
    public static final int MIN_SECRET_LENGTH = 32;
    static final int MAX_SECRET_LENGTH = 128;

    public WebhookService(RoomService rooms, WebhookFeature feature, Clock clock, io.sitroom.audit.AuditLog audit, WebhookTargets targets,
            WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.targets = targets;
        this.audit = audit;
        this.rooms = rooms;
        this.feature = feature;
        this.clock = clock;
    }

    /** {@code slack: true} is the older spelling of {@code format: "slack"}. */
    public record NewWebhook(String url, UUID roomId, List<String> kinds, String format, Boolean slack, String secret) {
    }

    public record WebhookView(UUID id, UUID roomId, String url, List<String> kinds, String format, boolean slack, String secret) {
        static WebhookView of(Webhook w, boolean withSecret) {
            return new WebhookView(w.id, w.roomId, w.url, w.kindSet().stream().sorted().toList(), w.format.wire(), w.format == WebhookFormat.SLACK,
                    withSecret ? w.secret : null);
        }
    }

    /** Resuming a held endpoint: the dead letter is sent again, or with {@code skip} passed over. */
    public record Resume(Boolean skip) {
    }

    public record Resumed(int resent, int skipped) {
    }

    public record DeliveryView(UUID roomId, long seq, String kind, String status, int attempts, Integer lastStatus, String lastError,
            String createdAt, String nextAttemptAt, String deliveredAt) {
    }

    @Transactional
    public WebhookView create(Caller caller, NewWebhook request) {
        if (request == null || request.url() == null) {
            throw SitroomException.invalid("url is required");
        }
        URI uri;
        try {
            uri = URI.create(request.url());
        } catch (IllegalArgumentException e) {
            throw SitroomException.invalid("url is not a URL");
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null || request.url().length() > 2000) {
            throw SitroomException.invalid("url must be an http or https URL");
        }
        // Who may add it first: only they learn how the server judges a target.
        if (request.roomId() == null) {
            if (!caller.admin()) {
                throw SitroomException.forbidden("only the admin adds webhooks for every room");
            }
        } else {
            requireLead(request.roomId(), caller);
        }
        targets.refusal(uri).ifPresent(why -> {
            throw SitroomException.invalid("url not allowed: " + why);
        });
        List<String> kinds = request.kinds() == null ? List.of() : request.kinds();
        if (kinds.stream().anyMatch(k -> k == null || !k.matches("[a-z_]+(\\.[a-z_*]+)?"))) {
            throw SitroomException.invalid("kinds are event kinds such as decision.accepted, families such as decision.*, or checkpoint");
        }
        WebhookFormat format = format(request);
        String secret = request.secret();
        if (secret != null && (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH)) {
            throw SitroomException.invalid("secret must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                    + " characters long (leave it out for a generated one)");
        }
        Webhook hook = new Webhook();
        hook.id = UUID.randomUUID();
        hook.roomId = request.roomId();
        hook.url = request.url();
        hook.kinds = kinds.isEmpty() ? null : String.join(",", kinds);
        hook.format = format;
        hook.secret = secret != null ? secret : newSecret();
        hook.createdBy = caller.userId();
        hook.createdAt = clock.instant();
        hook.active = true;
        hook.persist();
        feature.invalidate();
        audit.record(caller.userId(), caller.displayName(), "webhook.create", "webhook " + hook.id,
                (hook.roomId == null ? "global" : "room " + hook.roomId) + " -> " + hook.url);
        return WebhookView.of(hook, true);
    }

    @Transactional
    public List<WebhookView> list(Caller caller, UUID roomId) {
        if (roomId == null) {
            if (!caller.admin()) {
                throw SitroomException.forbidden("only the admin lists every webhook");
            }
            return Webhook.<Webhook> list("active", Sort.ascending("createdAt"), true).stream().map(w -> WebhookView.of(w, false)).toList();
        }
        requireLead(roomId, caller);
        return Webhook.<Webhook> list("roomId = ?1 and active = true", Sort.ascending("createdAt"), roomId).stream()
                .map(w -> WebhookView.of(w, false)).toList();
    }

    @Transactional
    public List<DeliveryView> deliveries(Caller caller, UUID webhookId) {
        Webhook hook = owned(caller, webhookId);
        return WebhookDelivery.<WebhookDelivery> find("webhookId", Sort.descending("createdAt", "seq"), hook.id).page(0, 500).list().stream()
                .map(WebhookService::view).toList();
    }

    private static DeliveryView view(WebhookDelivery d) {
        return new DeliveryView(d.roomId, d.seq, d.kind, d.status, d.attempts, d.lastStatus, d.lastError, HashChain.formatTime(d.createdAt),
                HashChain.formatTime(d.nextAttemptAt), d.deliveredAt == null ? null : HashChain.formatTime(d.deliveredAt));
    }

    private static WebhookFormat format(NewWebhook request) {
        boolean slack = Boolean.TRUE.equals(request.slack());
        if (request.format() == null) {
            return slack ? WebhookFormat.SLACK : WebhookFormat.JSON;
        }
        WebhookFormat format = WebhookFormat.fromWire(request.format())
                .orElseThrow(() -> SitroomException.invalid("format must be json, slack or teams"));
        if (slack && format != WebhookFormat.SLACK) {
            throw SitroomException.invalid("slack: true contradicts format " + format.wire());
        }
        return format;
    }

    /** The endpoint's dead letters: the delivery whose retries ran out, holding every later one until the endpoint is resumed. */
    @Transactional
    public List<DeliveryView> deadLetters(Caller caller, UUID webhookId) {
        Webhook hook = owned(caller, webhookId);
        return WebhookDelivery.<WebhookDelivery> find("webhookId = ?1 and status = ?2", Sort.ascending("createdAt", "roomId", "seq"), hook.id,
                WebhookDelivery.DEAD_LETTERED).list().stream().map(WebhookService::view).toList();
    }

    /**
     * Lets a held endpoint go on from its dead letter: the dead letter is queued again with fresh
     * attempts (or, with {@code skip}, passed over as {@code skipped}), then everything after it follows
     * in order.
     */
    public Resumed resume(Caller caller, UUID webhookId, Resume request) {
        boolean skip = request != null && Boolean.TRUE.equals(request.skip());
        Resumed resumed = QuarkusTransaction.requiringNew().call(() -> {
            Webhook hook = owned(caller, webhookId);
            List<WebhookDelivery> dead = WebhookDelivery.list("webhookId = ?1 and status = ?2", hook.id, WebhookDelivery.DEAD_LETTERED);
            if (dead.isEmpty()) {
                throw SitroomException.conflict("webhook " + webhookId + " has no dead letter to resume from");
            }
            for (WebhookDelivery delivery : dead) {
                if (skip) {
                    delivery.status = WebhookDelivery.SKIPPED;
                } else {
                    delivery.status = WebhookDelivery.PENDING;
                    delivery.attempts = 0;
                    delivery.nextAttemptAt = clock.instant();
                }
            }
            audit.record(caller.userId(), caller.displayName(), "webhook.resume", "webhook " + hook.id,
                    (skip ? "skipped " : "resent ") + dead.size());
            return skip ? new Resumed(0, dead.size()) : new Resumed(dead.size(), 0);
        });
        dispatcher.kick();
        return resumed;
    }

    @Transactional
    public void remove(Caller caller, UUID webhookId) {
        owned(caller, webhookId).active = false;
        WebhookDelivery.update("status = ?1, lastError = ?2 where webhookId = ?3 and status in ?4", WebhookDelivery.DROPPED,
                "the webhook was removed", webhookId, List.of(WebhookDelivery.PENDING, WebhookDelivery.DEAD_LETTERED));
        feature.invalidate();
        audit.record(caller.userId(), caller.displayName(), "webhook.remove", "webhook " + webhookId, null);
    }

    private Webhook owned(Caller caller, UUID webhookId) {
        Webhook hook = Webhook.findById(webhookId);
        if (hook == null) {
            throw SitroomException.notFound("no webhook " + webhookId);
        }
        if (hook.roomId == null ? !caller.admin() : !isLead(hook.roomId, caller)) {
            throw SitroomException.notFound("no webhook " + webhookId);
        }
        return hook;
    }

    private void requireLead(UUID roomId, Caller caller) {
        Member me = rooms.requireMember(roomId, caller.userId());
        Room room = Room.findById(roomId);
        if (!me.holds(room.kind.leadRole())) {
            throw SitroomException.forbidden("only the room's " + room.kind.leadRole() + " adds webhooks for it");
        }
    }

    private boolean isLead(UUID roomId, Caller caller) {
        try {
            requireLead(roomId, caller);
            return true;
        } catch (SitroomException e) {
            return false;
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
