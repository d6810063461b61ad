package io.sitroom.alert;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.sitroom.alert.AlertDedup.Decision;
import io.sitroom.alert.AlertOutcome.Result;
import io.sitroom.audit.AuditLog;
import io.sitroom.crypto.Sha256;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.room.Admission;
import io.sitroom.room.LockedRoom;
import io.sitroom.room.NewEvent;
import io.sitroom.room.Phase;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomService;
import io.sitroom.room.RoomWriter;
import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;
import io.sitroom.security.AppUser;

/**
 * Alert intake: a notification's alerts go, group by group (see {@link AlertGrouping}), to the open room
 * of their group, or open one. Each group is one unit of work of its room ({@link RoomWriter}): under the
 * room's lock its alerts are judged against the alerts the room holds ({@link AlertDedup}), and only new
 * or changed ones are appended; a resend that changes nothing is counted in the same transaction.
 */
@ApplicationScoped
public class AlertService {

    public static final String TOKEN_PREFIX = "sri_";
    private static final Logger LOG = Logger.getLogger(AlertService.class);
    /** Fingerprints per query (an IN list) when looking for the open room that holds a group's alerts. */
    private static final int LOOKUP_CHUNK = 500;

    private final RoomService rooms;
    private final RoomWriter writer;
    private final Clock clock;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final AlertConfig config;
    private final SeverityMap severities;
    private final Taxonomy taxonomy;
    private final Map<Result, Counter> received = new EnumMap<>(Result.class);
    private final SecureRandom random = new SecureRandom();

    public AlertService(RoomService rooms, RoomWriter writer, Clock clock, AuditLog audit, ObjectMapper mapper, AlertConfig config,
            MeterRegistry registry, Taxonomy taxonomy) {
        this.rooms = rooms;
        this.writer = writer;
        this.clock = clock;
        this.audit = audit;
        this.mapper = mapper;
        this.config = config;
        this.severities = SeverityMap.of(taxonomy, config);
        this.taxonomy = taxonomy;
        for (Result result : Result.values()) {
            received.put(result, Counter.builder("sitroom.alerts.received").tag("outcome", result.wire())
                    .description("Alerts received by alert intake, by what became of them").register(registry));
        }
    }

    public record NewIntegration(String name, UUID ownerUserId, Severity defaultSeverity) {
    }

    public record IntegrationView(UUID id, String name, UUID ownerUserId, Severity defaultSeverity, String token) {
    }

    @Transactional
    public IntegrationView createIntegration(UUID adminId, NewIntegration request) {
        if (request == null) {
            throw SitroomException.invalid("name is required, at most 100 characters");
        }
        String name = io.sitroom.room.Fields.text(request.name(), "name", 100);
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw SitroomException.invalid("field 'name' must be one line"); // it is quoted in log lines
        }
        UUID owner = request.ownerUserId() == null ? adminId : request.ownerUserId();
        AppUser user = AppUser.findById(owner);
        if (user == null || user.isGuest()) {
            throw SitroomException.notFound("no account " + owner + " to own the rooms this integration opens");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Integration integration = new Integration();
        integration.id = UUID.randomUUID();
        integration.name = name;
        integration.tokenHash = Sha256.hex(token);
        integration.ownerId = owner;
        integration.defaultSeverity = request.defaultSeverity() == null ? taxonomy.defaultSeverity() : taxonomy.choose(request.defaultSeverity());
        integration.createdAt = clock.instant();
        integration.persist();
        audit.record(adminId, null, "integration.create", "integration " + integration.id, integration.name + ", owner " + owner);
        return new IntegrationView(integration.id, integration.name, owner, integration.defaultSeverity, token);
    }

    @Transactional
    public List<IntegrationView> integrations() {
        return Integration.<Integration> listAll(Sort.ascending("name")).stream().filter(i -> i.revokedAt == null)
                .map(i -> new IntegrationView(i.id, i.name, i.ownerId, i.defaultSeverity, null)).toList();
    }

    @Transactional
    public void revoke(UUID adminId, UUID id) {
        Integration integration = Integration.findById(id);
        if (integration == null) {
            throw SitroomException.notFound("no integration " + id);
        }
        integration.revokedAt = clock.instant();
        audit.record(adminId, null, "integration.revoke", "integration " + id, integration.name);
    }

    /** The integration a token belongs to, if it is valid. */
    @Transactional
    public Optional<Integration> resolve(String token) {
        Integration integration = Integration.find("tokenHash", Sha256.hex(token)).firstResult();
        return Optional.ofNullable(integration).filter(i -> i.revokedAt == null);
    }

    /**
     * Reads the whole body first (one that is not an alert payload, or breaks a limit, is refused whole
     * and logged), then files each group of alerts. The outcomes are in the order of the body.
     */
    public List<AlertOutcome> receive(UUID integrationId, String body) {
        Integration integration = QuarkusTransaction.requiringNew().call(() -> Integration.<Integration> findById(integrationId));
        if (integration == null || integration.revokedAt != null) {
            throw SitroomException.notFound("no such integration");
        }
        AlertPayload.Notification notification = read(integration, body);
        List<AlertOutcome> outcomes = new ArrayList<>(notification.alerts().size());
        for (Map.Entry<String, List<IncomingAlert>> group : AlertGrouping.groups(config.grouping(), notification).entrySet()) {
            outcomes.addAll(fileWithRetry(integration, notification, group.getKey(), group.getValue()));
        }
        outcomes.sort(Comparator.comparingInt(AlertOutcome::index));
        outcomes.forEach(outcome -> received.get(outcome.outcome()).increment());
        return outcomes;
    }

    private AlertPayload.Notification read(Integration integration, String body) {
        JsonNode json = null;
        try {
            json = parse(body);
            return AlertPayload.read(json, severities, integration.defaultSeverity);
        } catch (SitroomException refused) {
            JsonNode alerts = json == null ? null : json.get("alerts");
            received.get(Result.REFUSED).increment(alerts != null && alerts.isArray() && !alerts.isEmpty() ? alerts.size() : 1);
            LOG.infof("alert intake refused a body of %d characters from integration %s (%s): %s", body == null ? 0 : body.length(),
                    integration.id, LogText.safe(integration.name), LogText.safe(refused.getMessage()));
            throw refused;
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw SitroomException.invalid("the alert body is empty: send a generic alert or an Alertmanager notification as JSON");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw SitroomException.invalid("the alert body is not JSON (" + AlertPayload.shorten(e.getOriginalMessage(), 200) + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    private List<AlertOutcome> fileWithRetry(Integration integration, AlertPayload.Notification notification, String key,
            List<IncomingAlert> alerts) {
        try {
            return file(integration, notification, key, alerts);
        } catch (RuntimeException e) {
            if (!raced(e)) {
                throw e;
            }
            // Another notification opened or moved this group's room at the same moment: now there is a room to add to.
            return file(integration, notification, key, alerts);
        }
    }

    private static boolean raced(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof GroupMoved || cause instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }

    /** Where a group goes: its room (open or not), and whether the group's own row names it. */
    private record Route(UUID roomId, boolean grouped) {
    }

    private List<AlertOutcome> file(Integration integration, AlertPayload.Notification notification, String key,
            List<IncomingAlert> alerts) {
        Route route = QuarkusTransaction.requiringNew().call(() -> route(integration.id, key, alerts));
        if (route != null) {
            try {
                return writer.run(route.roomId(), locked -> addTo(locked, integration, key, route, alerts));
            } catch (SitroomException closed) {
                if (closed.code() != ErrorCode.CONFLICT) {
                    throw closed;
                }
                // The group's room is closed: the group opens a new room.
            }
        }
        return open(integration, notification, key, route, alerts);
    }

    /**
     * The group's room; for a group without one yet, the open room that already holds one of its alerts
     * (rooms from before groups were kept, or from before Alertmanager's grouping changed), if any.
     */
    private static Route route(UUID integrationId, String key, List<IncomingAlert> alerts) {
        AlertGroup group = AlertGroup.findById(new AlertGroup.Key(integrationId, key));
        if (group != null) {
            return new Route(group.roomId, true);
        }
        List<String> fingerprints = alerts.stream().map(IncomingAlert::fingerprint).distinct().toList();
        for (int from = 0; from < fingerprints.size(); from += LOOKUP_CHUNK) {
            List<UUID> held = RoomAlert.getEntityManager().createQuery(
                    "select a.roomId from RoomAlert a, Room r where r.id = a.roomId and a.integrationId = :integration"
                            + " and a.fingerprint in :fingerprints and r.phase <> :closed order by a.lastSeen desc", UUID.class)
                    .setParameter("integration", integrationId)
                    .setParameter("fingerprints", fingerprints.subList(from, Math.min(fingerprints.size(), from + LOOKUP_CHUNK)))
                    .setParameter("closed", Phase.CLOSED).setMaxResults(1).getResultList();
            if (!held.isEmpty()) {
                return new Route(held.get(0), false);
            }
        }
        return null;
    }

    /** In the room's unit of work: judges the group's alerts against the room's, appends what is new or changed. */
    private List<AlertOutcome> addTo(LockedRoom locked, Integration integration, String key, Route route, List<IncomingAlert> alerts) {
        locked.admit(new Admission.Source.Server("alert"));
        Map<String, AlertDedup.Known> known = RoomAlert.known(locked.id(), integration.id);
        List<Decision> decisions = AlertDedup.decide(integration.id, integration.name, known, alerts);
        List<NewEvent> events = decisions.stream().filter(Decision::appends).map(d -> NewEvent.forEveryone(d.event())).toList();
        List<RecordedEvent> appended = events.isEmpty() ? List.of() : locked.append(null, null, events);
        countResends(locked.id(), integration.id, decisions);
        if (!route.grouped()) {
            AlertGroup group = new AlertGroup();
            group.integrationId = integration.id;
            group.groupKey = key;
            group.roomId = locked.id();
            group.persist();
            // A group filed twice at once: the second insert fails here, and its notification is filed again.
            AlertGroup.flush();
        }
        return outcomes(locked.id(), false, decisions, appended);
    }

    private List<AlertOutcome> open(Integration integration, AlertPayload.Notification notification, String key, Route closed,
            List<IncomingAlert> alerts) {
        if (alerts.stream().allMatch(IncomingAlert::resolved)) {
            return alerts.stream().map(a -> outcome(a, null, Result.IGNORED, false, null, 0,
                    "resolved, and no open room holds it or its group: nothing to record")).toList();
        }
        List<Decision> decisions = AlertDedup.decide(integration.id, integration.name, Map.of(), alerts);
        AppUser owner = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser> findById(integration.ownerId));
        RoomService.Opened opened = rooms.open(owner.id, owner.displayName,
                new RoomService.NewRoom(RoomKind.INCIDENT, AlertGrouping.title(notification, alerts, taxonomy.bySeverity()),
                        AlertGrouping.severity(alerts, taxonomy.bySeverity()), null, null),
                decisions.stream().filter(Decision::appends).map(d -> NewEvent.forEveryone(d.event())).toList(), roomId -> {
                    moveGroup(integration.id, key, closed, roomId);
                    countResends(roomId, integration.id, decisions);
                });
        List<RecordedEvent> appended = opened.events().stream().filter(e -> e.payload() instanceof AlertEvent).toList();
        return outcomes(opened.roomId(), true, decisions, appended);
    }

    /** Points the group at its new room: a new row, or the row that named the closed room (unless another notification moved it). */
    private static void moveGroup(UUID integrationId, String key, Route closed, UUID roomId) {
        if (closed == null || !closed.grouped()) {
            AlertGroup group = new AlertGroup();
            group.integrationId = integrationId;
            group.groupKey = key;
            group.roomId = roomId;
            group.persist();
            AlertGroup.flush();
        } else {
            // The new room's row first: the update below names it, and a bulk update flushes only its own table.
            AlertGroup.flush();
            if (AlertGroup.update("roomId = ?1 where integrationId = ?2 and groupKey = ?3 and roomId = ?4", roomId, integrationId, key,
                    closed.roomId()) != 1) {
                throw new GroupMoved();
            }
        }
    }

    /**
     * Resends that change nothing: only the counter (by how often each came in this body, almost always
     * once) and the last-seen time move.
     */
    private void countResends(UUID roomId, UUID integrationId, List<Decision> decisions) {
        Map<String, Integer> resends = new HashMap<>();
        decisions.stream().filter(d -> d.kind() == AlertDedup.Kind.UNCHANGED)
                .forEach(d -> resends.merge(d.alert().fingerprint(), 1, Integer::sum));
        if (resends.isEmpty()) {
            return;
        }
        RoomAlert.counted(roomId, integrationId, resends, clock.instant());
    }

    /** {@code appended}: the events of the decisions that append, in their order. */
    private static List<AlertOutcome> outcomes(UUID roomId, boolean opened, List<Decision> decisions, List<RecordedEvent> appended) {
        List<AlertOutcome> outcomes = new ArrayList<>(decisions.size());
        int next = 0;
        for (Decision decision : decisions) {
            IncomingAlert alert = decision.alert();
            if (!decision.appends()) {
                outcomes.add(outcome(alert, roomId, Result.UNCHANGED, false, null, decision.received(),
                        "a resend that changes nothing: counted (received " + decision.received() + "), nothing appended"));
                continue;
            }
            RecordedEvent event = appended.get(next++);
            String what = event.kind() + " appended";
            String detail = opened ? "opened the room: " + what
                    : decision.kind() == AlertDedup.Kind.NEW ? "new in the room: " + what : "changed: " + what;
            outcomes.add(outcome(alert, roomId, opened ? Result.OPENED : Result.APPENDED, opened, event.seq(), decision.received(), detail));
        }
        return outcomes;
    }

    private static AlertOutcome outcome(IncomingAlert alert, UUID roomId, Result result, boolean opened, Long seq, int received,
            String detail) {
        String severity = alert.severityKnown() ? detail
                : detail + "; its severity '" + alert.severityLabel() + "' is not in the severity map: " + alert.severity();
        return new AlertOutcome(alert.index(), alert.fingerprint(), roomId, result, opened, seq, alert.status(), alert.severity(),
                alert.severityLabel(), received, severity);
    }

    /** The group's row moved to another room meanwhile: another notification opened one; this one is filed again. */
    private static final class GroupMoved extends RuntimeException {
        GroupMoved() {
            super("the alert group moved to another room meanwhile", null, false, false);
        }
    }
}
