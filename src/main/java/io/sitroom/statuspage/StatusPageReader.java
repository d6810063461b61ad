package io.sitroom.statuspage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** Reads the page's projections, in one transaction so that the version read goes with what was read. */
@ApplicationScoped
class StatusPageReader {

    private final StatusPageConfig config;

    StatusPageReader(StatusPageConfig config) {
        this.config = config;
    }

    /** The page as it is now, or null when its version is still {@code known}. */
    @Transactional
    StatusPageModel readIfChanged(long known) {
        StatusPageVersion version = StatusPageVersion.current();
        if (version.version == known) {
            return null;
        }
        List<StatusPageModel.Component> components = PublicComponent.<PublicComponent> listAll(Sort.ascending("position", "name")).stream()
                .map(c -> new StatusPageModel.Component(c.id, c.name, c.description, ComponentStatus.of(c.status), c.position, c.createdAt,
                        c.updatedAt))
                .toList();
        return new StatusPageModel(version.version, version.updatedAt, components, incidents());
    }

    private List<StatusPageModel.Incident> incidents() {
        List<PublicIncident> rooms = PublicIncident.list("isPublic", true);
        if (rooms.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<StatusPageModel.Update>> updates = new HashMap<>();
        for (PublicUpdate u : PublicUpdate.<PublicUpdate> list("roomId in ?1", Sort.descending("seq"),
                rooms.stream().map(r -> r.roomId).toList())) {
            updates.computeIfAbsent(u.roomId, id -> new ArrayList<>()).add(new StatusPageModel.Update(u.roomId, u.seq, u.statementId,
                    u.version, u.title, u.body, u.textHash, u.status, u.publishedAt));
        }
        List<StatusPageModel.Incident> incidents = new ArrayList<>();
        for (PublicIncident room : rooms) {
            List<StatusPageModel.Update> published = updates.get(room.roomId);
            if (published == null) {
                continue; // public, but nothing published yet: nothing to show
            }
            StatusPageModel.Update latest = published.get(0);
            Instant created = published.get(published.size() - 1).publishedAt();
            Instant updated = latest.publishedAt().isAfter(room.statusChangedAt) ? latest.publishedAt() : room.statusChangedAt;
            boolean resolved = IncidentTerms.RESOLVED.equals(room.status);
            incidents.add(new StatusPageModel.Incident(room.roomId, latest.title(), room.status, room.impact, created,
                    updated.isBefore(created) ? created : updated, later(room.monitoringAt, created), resolved ? later(room.resolvedAt, created) : null,
                    List.copyOf(published)));
        }
        incidents.sort(Comparator.comparing(StatusPageModel.Incident::updatedAt).reversed().thenComparing(StatusPageModel.Incident::roomId));
        return incidents.size() > config.incidents() ? List.copyOf(incidents.subList(0, config.incidents())) : incidents;
    }

    /** A time of the room before its first publication is shown as that publication: the page says nothing of earlier. */
    private static Instant later(Instant at, Instant created) {
        return at == null ? null : at.isBefore(created) ? created : at;
    }
}
