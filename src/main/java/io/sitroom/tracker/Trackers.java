package io.sitroom.tracker;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.audit.AuditLog;
import io.sitroom.clock.WireTime;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/** The trackers the admin configures: added (credentials sealed), listed without their secrets, removed; each change audited. */
@ApplicationScoped
public class Trackers {

    static final String GITHUB_API = "https://api.github.com";
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    static final int MIN_WEBHOOK_SECRET = 16;

    /**
     * A tracker to add. {@code target}: GitHub {@code owner/repo}, Jira the project key; {@code issueType}: Jira only
     * (default {@code Task}); {@code token} always; {@code email}: Jira Cloud's basic auth (without it the token is
     * sent as a bearer PAT).
     */
    public record NewTracker(String name, TrackerKind kind, String baseUrl, String target, String issueType, String email, String token,
            String webhookSecret, Boolean createForPostIncident, Boolean closeCompletes) {
    }

    /** A tracker as the admin sees it: whether its secrets are set, never the secrets. */
    public record TrackerView(UUID id, String name, String kind, String baseUrl, String target, String issueType, String auth,
            boolean credentialsSet, boolean webhookSecretSet, boolean createForPostIncident, boolean closeCompletes, String webhookPath,
            String createdAt) {
    }

    /** A tracker as members see it, to offer a link. */
    public record TrackerChoice(UUID id, String name, String kind) {
    }

    private final TrackerSecrets secrets;
    private final AuditLog audit;
    private final Clock clock;

    public Trackers(TrackerSecrets secrets, AuditLog audit, Clock clock) {
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TrackerView create(Caller admin, NewTracker request) {
        if (request == null) {
            throw SitroomException.invalid("the body must describe a tracker");
        }
        if (request.kind() == null) {
            throw SitroomException.invalid("kind must be github or jira");
        }
        Tracker tracker = new Tracker();
        tracker.id = UUID.randomUUID();
        tracker.name = required(request.name(), "name", 100);
        tracker.kind = request.kind();
        tracker.baseUrl = baseUrl(request.kind() == TrackerKind.GITHUB && blank(request.baseUrl()) ? GITHUB_API : request.baseUrl());
        String target = required(request.target(), "target", 200);
        String token = required(request.token(), "token", 2000);
        String email = blank(request.email()) ? null : required(request.email(), "email", 320);
        if (request.kind() == TrackerKind.GITHUB) {
            if (!REPO.matcher(target).matches()) {
                throw SitroomException.invalid("target must be a GitHub repository as owner/repo");
            }
            if (email != null || !blank(request.issueType())) {
                throw SitroomException.invalid("email and issueType are for Jira trackers");
            }
            tracker.auth = Tracker.AUTH_TOKEN;
        } else {
            if (!PROJECT_KEY.matcher(target).matches()) {
                throw SitroomException.invalid("target must be a Jira project key (capital letters, digits, '_')");
            }
            tracker.issueType = blank(request.issueType()) ? "Task" : required(request.issueType(), "issueType", 100);
            tracker.auth = email == null ? Tracker.AUTH_BEARER : Tracker.AUTH_BASIC;
        }
        tracker.target = target;
        String webhookSecret = required(request.webhookSecret(), "webhookSecret", 500);
        if (webhookSecret.length() < MIN_WEBHOOK_SECRET) {
            throw SitroomException.invalid("webhookSecret must have at least " + MIN_WEBHOOK_SECRET + " characters");
        }
        tracker.credentialsSealed = secrets.sealCredentials(tracker.id, new TrackerSecrets.Credentials(email, token));
        tracker.webhookSecretSealed = secrets.sealWebhookSecret(tracker.id, webhookSecret);
        tracker.createForPostIncident = Boolean.TRUE.equals(request.createForPostIncident());
        tracker.closeCompletes = Boolean.TRUE.equals(request.closeCompletes());
        tracker.createdBy = admin.userId();
        tracker.createdAt = clock.instant();
        tracker.persist();
        audit.record(admin.userId(), admin.displayName(), "tracker.create", "tracker " + tracker.id,
                tracker.name + ": " + tracker.kind.wire() + " " + tracker.target + " at " + tracker.baseUrl
                        + (tracker.createForPostIncident ? ", every post-incident action" : "") + (tracker.closeCompletes ? ", close completes" : ""));
        return view(tracker);
    }

    @Transactional
    public List<TrackerView> list() {
        return active().stream().map(Trackers::view).toList();
    }

    @Transactional
    public List<TrackerChoice> choices() {
        return active().stream().map(t -> new TrackerChoice(t.id, t.name, t.kind.wire())).toList();
    }

    /** Removes a tracker: no new links; its issues keep their links, and its webhook is no longer accepted. */
    @Transactional
    public void remove(Caller admin, UUID id) {
        Tracker tracker = Tracker.active(id);
        if (tracker == null) {
            throw SitroomException.notFound("no tracker " + id);
        }
        tracker.removedAt = clock.instant();
        audit.record(admin.userId(), admin.displayName(), "tracker.remove", "tracker " + id, tracker.name);
    }

    private static List<Tracker> active() {
        return Tracker.<Tracker> list("removedAt is null").stream()
                .sorted(Comparator.comparing((Tracker t) -> t.createdAt).thenComparing(t -> t.id)).toList();
    }

    static TrackerView view(Tracker t) {
        return new TrackerView(t.id, t.name, t.kind.wire(), t.baseUrl, t.target, t.issueType, t.auth, t.credentialsSealed != null,
                t.webhookSecretSealed != null, t.createForPostIncident, t.closeCompletes, "/api/trackers/" + t.id + "/webhook",
                WireTime.format(t.createdAt));
    }

    private static String baseUrl(String value) {
        String url = required(value, "baseUrl", 500).replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw SitroomException.invalid("baseUrl is not a URL");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw SitroomException.invalid("baseUrl must be an http(s) URL without user, query or fragment");
        }
        return url;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String required(String value, String field, int max) {
        if (blank(value)) {
            throw SitroomException.invalid(field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw SitroomException.invalid(field + " must have at most " + max + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw SitroomException.invalid(field + " must not contain control characters");
        }
        return stripped;
    }
}
