package io.sitroom.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import io.sitroom.clock.WireTime;

/**
 * The audit log of administrative actions: accounts created, invitations made, exports taken,
 * webhooks and integrations added or removed. Separate from the room logs; never holds a secret.
 */
@ApplicationScoped
public class AuditLog {

    public static final int MAX_PAGE = 500;

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public record Entry(UUID id, String at, UUID actorId, String actorName, String action, String target, String detail) {
    }

    /** Records an action, in the caller's transaction when there is one. */
    @Transactional
    public void record(UUID actorId, String actorName, String action, String target, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.at = clock.instant();
        entry.actorId = actorId;
        entry.actorName = actorName;
        entry.action = action;
        entry.target = target == null ? null : target.length() > 200 ? target.substring(0, 200) : target;
        entry.detail = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        entry.persist();
    }

    @Transactional
    public List<Entry> newest(int limit) {
        return newest(limit, null);
    }

    /** The newest entries, of one action only when {@code action} is given ({@code chat.unlink}, {@code room.export}...). */
    @Transactional
    public List<Entry> newest(int limit, String action) {
        var query = action == null ? AuditEntry.<AuditEntry> findAll(Sort.descending("at"))
                : AuditEntry.<AuditEntry> find("action", Sort.descending("at"), action);
        return query.page(0, Math.max(1, Math.min(limit, MAX_PAGE))).list().stream()
                .map(e -> new Entry(e.id, WireTime.format(e.at), e.actorId, e.actorName, e.action, e.target, e.detail)).toList();
    }
}
