package io.sitroom.debrief;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import io.sitroom.audit.AuditLog;
import io.sitroom.crypto.Sha256;
import io.sitroom.decision.Decision;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.exercise.AfterActionReport;
import io.sitroom.exercise.Exercise;
import io.sitroom.exercise.ExerciseEvent;
import io.sitroom.exercise.ExerciseFeature;
import io.sitroom.exercise.ReportService;
import io.sitroom.exercise.Scenario;
import io.sitroom.role.Role;
import io.sitroom.room.CommandHandler;
import io.sitroom.room.CommandResult;
import io.sitroom.room.EventLog;
import io.sitroom.room.HashChain;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomService;

/**
 * Read-only debrief links of ended exercises. A link's token is 256 random bits, given once and kept only as
 * its SHA-256: whoever reads the table cannot rebuild a working link, and revoking a link is a row's state (an
 * HMAC-signed token would need the same row to be revocable, and a secret to keep and rotate besides).
 */
@ApplicationScoped
public class DebriefService {

    public static final int DEFAULT_TTL_DAYS = 7;
    public static final int MAX_TTL_DAYS = 30;
    private static final String UNKNOWN = "this debrief link is unknown";

    private final SecureRandom random = new SecureRandom();
    private final CommandHandler commands;
    private final RoomService rooms;
    private final ExerciseFeature exercises;
    private final ReportService reports;
    private final EventLog log;
    private final Clock clock;
    private final AuditLog audit;

    public DebriefService(CommandHandler commands, RoomService rooms, ExerciseFeature exercises, ReportService reports, EventLog log, Clock clock,
            AuditLog audit) {
        this.commands = commands;
        this.rooms = rooms;
        this.exercises = exercises;
        this.reports = reports;
        this.log = log;
        this.clock = clock;
        this.audit = audit;
    }

    /** A new link, as its maker sees it once: {@code path} holds the token. */
    public record Created(UUID linkId, String token, String path, String expiresAt) {
    }

    /** A link as the facilitator sees it listed: never its token. */
    public record LinkView(UUID linkId, String createdAt, String expiresAt, String revokedAt, boolean active) {
    }

    public Created create(UUID roomId, UUID userId, Integer ttlDays) {
        int days = ttlDays == null ? DEFAULT_TTL_DAYS : ttlDays;
        if (days < 1 || days > MAX_TTL_DAYS) {
            throw SitroomException.invalid("ttlDays must be from 1 to " + MAX_TTL_DAYS);
        }
        String token = newToken();
        UUID linkId = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(days));
        CommandResult result = commands.execute(roomId, userId, "debrief-" + linkId, DebriefFeature.CREATE,
                new DebriefCommand.Create(linkId, expiresAt), () -> {
                    DebriefLink link = new DebriefLink();
                    link.id = linkId;
                    link.roomId = roomId;
                    link.tokenHash = Sha256.hex(token);
                    link.createdBy = userId;
                    link.createdAt = now;
                    link.expiresAt = expiresAt;
                    link.persist();
                });
        if (!result.ok()) {
            throw new SitroomException(result.error().code(), result.error().message());
        }
        audit.record(userId, null, "debrief.link", "room " + roomId, "link " + linkId + ", expires " + expiresAt);
        return new Created(linkId, token, "/debrief#" + token, HashChain.formatTime(expiresAt));
    }

    public void revoke(UUID roomId, UUID userId, UUID linkId) {
        CommandResult result = commands.execute(roomId, userId, "debrief-revoke-" + linkId, DebriefFeature.REVOKE,
                new DebriefCommand.Revoke(linkId), () -> {
                });
        if (!result.ok()) {
            throw new SitroomException(result.error().code(), result.error().message());
        }
        audit.record(userId, null, "debrief.revoke", "room " + roomId, "link " + linkId);
    }

    /** An exercise's debrief links, newest first, for its facilitator (anyone else: 403, a non-member 404). */
    @Transactional
    public List<LinkView> list(UUID roomId, UUID userId) {
        if (!rooms.requireMember(roomId, userId).holds(Role.FACILITATOR)) {
            throw SitroomException.forbidden("only the facilitator sees the debrief links");
        }
        Instant now = clock.instant();
        return DebriefLink.<DebriefLink> list("roomId", Sort.descending("createdAt"), roomId).stream()
                .map(l -> new LinkView(l.id, HashChain.formatTime(l.createdAt), HashChain.formatTime(l.expiresAt),
                        l.revokedAt == null ? null : HashChain.formatTime(l.revokedAt), l.activeAt(now)))
                .toList();
    }

    /** The debrief a token opens: {@code not_found} for an unknown token, {@code gone} for an expired or revoked one. */
    @Transactional
    public DebriefView read(String token) {
        DebriefLink link = token == null || token.length() > 128 ? null : DebriefLink.find("tokenHash", Sha256.hex(token)).firstResult();
        if (link == null) {
            throw SitroomException.notFound(UNKNOWN);
        }
        if (link.revokedAt != null) {
            throw new SitroomException(ErrorCode.GONE, "this debrief link was revoked by the facilitator");
        }
        if (!link.activeAt(clock.instant())) {
            throw new SitroomException(ErrorCode.GONE, "this debrief link expired on " + HashChain.formatTime(link.expiresAt));
        }
        Exercise exercise = Exercise.findById(link.roomId);
        Room room = Room.findById(link.roomId);
        Scenario scenario = exercises.scenario(exercise);
        AfterActionReport released = reports.released(link.roomId);
        return new DebriefView(room.title,
                new DebriefView.Scenario(scenario.id(), scenario.title(), scenario.summary(),
                        scenario.objectives().stream().map(o -> new DebriefView.Objective(o.id(), o.text(), o.capability())).toList()),
                exercise.status.wire(), time(exercise.startedAt), time(exercise.endedAt), HashChain.formatTime(link.expiresAt),
                delivered(link.roomId), decisions(link.roomId), released != null, released == null ? null : DebriefView.Summary.of(released));
    }

    /** Every inject delivered, as its recipients got it: from the log's {@code inject.delivered}, which never carries the facilitator's notes. */
    private List<DebriefView.Delivered> delivered(UUID roomId) {
        return log.allOf(roomId, ExerciseEvent.InjectDelivered.class).stream()
                .filter(e -> e.payload() instanceof ExerciseEvent.InjectDelivered)
                .map(e -> delivered(e, (ExerciseEvent.InjectDelivered) e.payload())).toList();
    }

    private static DebriefView.Delivered delivered(RecordedEvent e, ExerciseEvent.InjectDelivered d) {
        return new DebriefView.Delivered(d.injectId(), d.title(), d.body(), d.to().stream().map(Role::wire).sorted().toList(),
                d.prompts() == null ? List.of() : d.prompts(), d.scenarioMs(), HashChain.formatTime(e.at()));
    }

    /** The decision log (for everyone in the room), without who proposed or voted: a debrief names roles, not people. */
    private static List<DebriefView.DecisionMade> decisions(UUID roomId) {
        return Decision.ofRoom(roomId).stream()
                .map(d -> new DebriefView.DecisionMade(d.title, d.choice, d.rationale, d.status.wire(),
                        d.approvers.stream().map(Role::wire).sorted().toList(), HashChain.formatTime(d.proposedAt), time(d.decidedAt)))
                .toList();
    }

    private static String time(Instant at) {
        return at == null ? null : HashChain.formatTime(at);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
