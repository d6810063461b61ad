package io.sitroom.alert;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.sitroom.crypto.Sha256;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomService;
import io.sitroom.room.RoomWriter;
import io.sitroom.room.Severity;
import io.sitroom.security.AppUser;

/**
 * Alert intake: an integration's alert opens an incident room, or adds to the open room of the
 * same fingerprint. Each alert's room, event and dedup row are written in one transaction.
 */
@ApplicationScoped
public class AlertService {

    public static final String TOKEN_PREFIX = "sri_";

    private final RoomService rooms;
    private final RoomWriter writer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final io.sitroom.audit.AuditLog audit;

    public AlertService(RoomService rooms, RoomWriter writer, Clock clock, io.sitroom.audit.AuditLog audit) {
        this.audit = audit;
        this.rooms = rooms;
        this.writer = writer;
        this.clock = clock;
    }

    public record NewIntegration(String name, UUID ownerUserId, Severity defaultSeverity) {
    }

    public record IntegrationView(UUID id, String name, UUID ownerUserId, Severity defaultSeverity, String token) {
    }

    /** What became of one alert: the room it went to, whether it opened that room, and the event's seq. */
    public record Outcome(String fingerprint, UUID roomId, boolean opened, Long seq) {
    }

    @Transactional
    public IntegrationView createIntegration(UUID adminId, NewIntegration request) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw SitroomException.invalid("name is required, at most 100 characters");
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
        integration.name = request.name().strip();
        integration.tokenHash = Sha256.hex(token);
        integration.ownerId = owner;
        integration.defaultSeverity = request.defaultSeverity() == null ? Severity.SEV3 : request.defaultSeverity();
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

    /** Reads the whole body first (a bad one is refused whole), then files each alert. */
    public List<Outcome> receive(UUID integrationId, JsonNode body) {
        Integration integration = QuarkusTransaction.requiringNew().call(() -> Integration.<Integration> findById(integrationId));
        if (integration == null || integration.revokedAt != null) {
            throw SitroomException.notFound("no such integration");
        }
        List<IncomingAlert> alerts = IncomingAlert.read(body, integration.defaultSeverity);
        List<Outcome> outcomes = new ArrayList<>();
        for (IncomingAlert alert : alerts) {
            outcomes.add(fileWithRetry(integration, alert));
        }
        return outcomes;
    }

    private Outcome fileWithRetry(Integration integration, IncomingAlert alert) {
        try {
            return file(integration, alert);
        } catch (PersistenceException raced) {
            // Another request filed the same new fingerprint at the same moment: now it has a room to add to.
            return file(integration, alert);
        }
    }

    private Outcome file(Integration integration, IncomingAlert alert) {
        UUID known = QuarkusTransaction.requiringNew().call(() -> {
            Alert row = Alert.findById(new Alert.Key(integration.id, alert.fingerprint()));
            return row == null ? null : row.roomId;
        });
        if (known != null) {
            try {
                // Counted under the room's lock, so that two deliveries of the same alert never read the same count.
                List<RecordedEvent> events = writer.appendSystem(known, "alert", state -> List.of(NewEvent.forEveryone(
                        event(integration, alert, Alert.<Alert> findById(new Alert.Key(integration.id, alert.fingerprint())).received + 1))),
                        logged -> record(integration, alert, known, false));
                return new Outcome(alert.fingerprint(), known, false, events.get(0).seq());
            } catch (SitroomException closed) {
                if (closed.code() != ErrorCode.CONFLICT) {
                    throw closed;
                }
                // The room of this fingerprint is closed: a new alert opens a new room.
            }
        }
        if (alert.resolved()) {
            return new Outcome(alert.fingerprint(), null, false, null);
        }
        AppUser owner = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser> findById(integration.ownerId));
        RoomService.Opened opened = rooms.open(owner.id, owner.displayName,
                new RoomService.NewRoom(RoomKind.INCIDENT, alert.title(), alert.severity(), null),
                List.of(NewEvent.forEveryone(event(integration, alert, 1))), id -> record(integration, alert, id, true));
        long seq = opened.events().stream().filter(e -> e.payload() instanceof AlertEvent).findFirst().orElseThrow().seq();
        return new Outcome(alert.fingerprint(), opened.roomId(), true, seq);
    }

    private static AlertEvent event(Integration integration, IncomingAlert alert, int received) {
        return AlertEvent.of(integration.id, integration.name, alert, received);
    }

    private void record(Integration integration, IncomingAlert alert, UUID roomId, boolean opened) {
        Alert row = Alert.findById(new Alert.Key(integration.id, alert.fingerprint()));
        boolean fresh = row == null;
        if (fresh) {
            row = new Alert();
            row.integrationId = integration.id;
            row.fingerprint = alert.fingerprint();
        }
        if (fresh || opened) {
            row.firstSeen = clock.instant();
            row.received = 0;
        }
        row.roomId = roomId;
        row.status = alert.resolved() ? "resolved" : "firing";
        row.lastSeen = clock.instant();
        row.received++;
        if (fresh) {
            row.persist();
        }
    }
}
