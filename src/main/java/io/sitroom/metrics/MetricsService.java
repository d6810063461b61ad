package io.sitroom.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.Panache;
import io.sitroom.decision.DecisionState;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomService;
import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;

/**
 * Response metrics: how fast a team acknowledged, informed executives, contained and decided; what
 * is overdue or open. Read from the rows {@link MetricsFeature} keeps as logs are appended, one query
 * for any number of rooms. Open exceptions depend on "now", so that query counts them from the
 * decision projection as it reads.
 */
@ApplicationScoped
public class MetricsService {

    /**
     * A room, its kept tally (left join: a missing row reads as nothing happened), its open exceptions,
     * the roles the reader holds there and whether an exercise's report was released (what they may see of it).
     */
    private static final String SELECT = """
            select r.id, r.kind, r.title, r.severity, r.phase, r.createdAt, m,
                (select count(d) from Decision d where d.roomId = r.id and d.status = :accepted and d.expiresAt > :now),
                (select min(d.decidedAt) from Decision d where d.roomId = r.id and d.status = :accepted and d.expiresAt > :now),
                rm.roles,
                (select count(e) from Exercise e where e.roomId = r.id and e.reportReleasedAt is not null)
            from RoomMember rm join Room r on r.id = rm.roomId left join RoomMetricsRow m on m.roomId = r.id
            """;
    private static final String OF_USER = SELECT + """
            where rm.userId = :user
            order by r.createdAt, r.id
            """;
    private static final String OF_ROOM = SELECT + """
            where rm.roomId = :room and rm.userId = :user
            """;

    private final RoomService rooms;
    private final Clock clock;
    private final Taxonomy taxonomy;

    public MetricsService(RoomService rooms, Clock clock, Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.rooms = rooms;
        this.clock = clock;
    }

    /**
     * A room's metrics as one of its members may see them ({@code not_found} for anyone else): an
     * exercise's score for its facilitator, and for everyone once the report is released ({@link RoomMetrics#seenBy}).
     */
    @Transactional
    public RoomMetrics forMember(UUID roomId, UUID userId) {
        return forMember(roomId, userId, clock.instant());
    }

    /** As {@link #forMember(UUID, UUID)}, as of {@code now} (an export's metrics are as of the time it states). */
    @Transactional
    public RoomMetrics forMember(UUID roomId, UUID userId, Instant now) {
        rooms.requireMember(roomId, userId);
        TypedQuery<Object[]> query = query(OF_ROOM).setParameter("room", roomId).setParameter("user", userId);
        List<RoomMetrics> found = read(query, now);
        if (found.isEmpty()) {
            throw SitroomException.notFound("no such room");
        }
        return found.get(0);
    }

    /** The metrics of every room a user belongs to, as they may see them, and totals across them. */
    @Transactional
    public MetricsSummary forUser(UUID userId) {
        return MetricsSummary.of(read(query(OF_USER).setParameter("user", userId), clock.instant()), taxonomy.bySeverity());
    }

    private TypedQuery<Object[]> query(String query) {
        return Panache.getEntityManager().createQuery(query, Object[].class);
    }

    @SuppressWarnings("unchecked")
    private List<RoomMetrics> read(TypedQuery<Object[]> query, Instant now) {
        TypedQuery<Object[]> rows = query
                .setParameter("accepted", DecisionState.Status.ACCEPTED)
                .setParameter("now", now)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        return rows.getResultList().stream().map(row -> {
            RoomMetrics.RoomInfo room = new RoomMetrics.RoomInfo((UUID) row[0], (RoomKind) row[1], (String) row[2], (Severity) row[3],
                    (Phase) row[4], (Instant) row[5]);
            MetricsTally tally = row[6] == null ? MetricsTally.EMPTY : ((RoomMetricsRow) row[6]).tally();
            RoomMetrics.OpenExceptions exceptions = new RoomMetrics.OpenExceptions(((Number) row[7]).intValue(), (Instant) row[8]);
            return RoomMetrics.of(room, tally, exceptions, now).seenBy((Set<Role>) row[9], ((Number) row[10]).longValue() > 0);
        }).toList();
    }
}
