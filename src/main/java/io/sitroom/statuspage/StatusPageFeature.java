package io.sitroom.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.sitroom.comms.CommsEvent;
import io.sitroom.comms.StatementVersion;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.Taxonomy;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomKind;
import io.sitroom.room.Viewer;

/**
 * A room's place on the public status page: the incident commander makes an incident public or private,
 * and the page's projection follows the room (its published statements, exactly as they went out; its
 * incident status and impact in the page's terms). Every change the page would show moves the
 * page's version in the same transaction.
 */
@ApplicationScoped
public class StatusPageFeature implements RoomFeature {

    public static final CommandType<StatusPageCommand.MakePublic> MAKE_PUBLIC = new CommandType<>("room.public",
            StatusPageCommand.MakePublic.class, Authority.in(RoomKind.INCIDENT, Role.INCIDENT_COMMANDER),
            (c, context) -> StatusPageDecider.makePublic(c, context, isPublic(context)));
    public static final CommandType<StatusPageCommand.MakePrivate> MAKE_PRIVATE = new CommandType<>("room.private",
            StatusPageCommand.MakePrivate.class, Authority.in(RoomKind.INCIDENT, Role.INCIDENT_COMMANDER),
            (c, context) -> StatusPageDecider.makePrivate(c, context, isPublic(context)));

    private final Event<StatusPageChanged> changes;

    private final Taxonomy taxonomy;

    public StatusPageFeature(Event<StatusPageChanged> changes, Taxonomy taxonomy) {
        this.changes = changes;
        this.taxonomy = taxonomy;
    }

    @Override
    public List<CommandType<?>> commandTypes() {
        return List.of(MAKE_PUBLIC, MAKE_PRIVATE);
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(StatusPageEvent.class);
    }

    private static boolean isPublic(CommandContext context) {
        PublicIncident incident = PublicIncident.findById(context.room().id());
        return incident != null && incident.isPublic;
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (room.kind != RoomKind.INCIDENT) {
            return; // an exercise's statements are play: the page keeps nothing of them
        }
        EventPayload payload = event.payload();
        if (payload instanceof StatusPageEvent.MadePublic) {
            incident(room, event.at()).isPublic = true;
            changed(event.at());
        } else if (payload instanceof StatusPageEvent.MadePrivate) {
            incident(room, event.at()).isPublic = false;
            changed(event.at());
        } else if (payload instanceof RoomEvent.SeverityChanged || payload instanceof RoomEvent.PhaseChanged) {
            PublicIncident incident = PublicIncident.findById(room.id);
            if (incident != null) {
                follow(incident, room, event.at());
                if (incident.isPublic) {
                    changed(event.at());
                }
            }
        } else if (payload instanceof CommsEvent.StatementPublished published) {
            PublicIncident incident = incident(room, event.at());
            StatementVersion text = StatementVersion.findById(new StatementVersion.Key(published.statementId(), published.version()));
            PublicUpdate update = new PublicUpdate();
            update.roomId = room.id;
            update.seq = event.seq();
            update.statementId = published.statementId();
            update.version = published.version();
            update.title = text.title;
            update.body = text.body;
            update.textHash = published.textHash();
            update.status = incident.status;
            update.publishedAt = event.at();
            update.persist();
            if (incident.isPublic) {
                changed(event.at());
            }
        }
    }

    /**
     * What the page shows changed: its version moves in this transaction, and this node's cached answers
     * are dropped once it commits, before the command's result is answered (an {@code AppendListener}
     * runs after that, so a client reading the page right after its own command could get the old one).
     */
    private void changed(Instant at) {
        StatusPageVersion.bump(at);
        changes.fire(new StatusPageChanged());
    }

    /** The room's row, made (not public) from the room as it is now when it has none. */
    private PublicIncident incident(Room room, Instant at) {
        PublicIncident incident = PublicIncident.findById(room.id);
        if (incident == null) {
            incident = new PublicIncident();
            incident.roomId = room.id;
            incident.isPublic = false;
            follow(incident, room, at);
            incident.persist();
        }
        return incident;
    }

    /** Takes the room's severity and phase over in the page's terms, noting when the status changed. */
    private void follow(PublicIncident incident, Room room, Instant at) {
        IncidentTerms.Terms terms = IncidentTerms.of(taxonomy, room.severity, room.phase);
        incident.impact = terms.impact();
        if (!terms.status().equals(incident.status)) {
            incident.status = terms.status();
            incident.statusChangedAt = at;
            if (terms.status().equals("monitoring") && incident.monitoringAt == null) {
                incident.monitoringAt = at;
            }
            incident.resolvedAt = terms.status().equals(IncidentTerms.RESOLVED) ? at : null;
        }
    }

    /** Whether a change of phase resolves the incident in the page's terms (its status becomes resolved). */
    public boolean resolves(Room room, RoomEvent.PhaseChanged changed) {
        return IncidentTerms.RESOLVED.equals(IncidentTerms.of(taxonomy, room.severity, changed.to()).status())
                && !IncidentTerms.RESOLVED.equals(IncidentTerms.of(taxonomy, room.severity, changed.from()).status());
    }

    /** Whether the page shows this incident as resolved. */
    public static boolean isResolved(PublicIncident incident) {
        return IncidentTerms.RESOLVED.equals(incident.status);
    }

    /** The room's section: whether it is on the public status page. */
    @Override
    public void addToSnapshot(UUID roomId, Viewer viewer, Map<String, Object> sections) {
        PublicIncident incident = PublicIncident.findById(roomId);
        sections.put("public", incident != null && incident.isPublic);
    }
}
