package io.sitroom.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.sitroom.playbook.RoomField;
import io.sitroom.playbook.RoomPlaybook;
import io.sitroom.room.HashChain;
import io.sitroom.room.Member;
import io.sitroom.room.RoleSetConverter;
import io.sitroom.room.Room;
import io.sitroom.room.RoomMember;
import io.sitroom.room.Viewer;

/**
 * Search across every room the caller is a member of. Rooms are filtered first (kind, severity, type,
 * phase, opening time, field values); then the entries of those rooms that match the words, found by
 * PostgreSQL's full text search (a GIN index over the stored {@code to_tsvector('english', body)}, ranked by
 * {@code ts_rank}) or, on H2, by every word occurring in the text (ranked by occurrences). The one visibility
 * rule ({@link Viewer}) for the caller in each room is part of the query ({@link Readable}), so that entries they
 * may not see take no place among the newest matches ranked, and is checked again on every candidate: an event
 * they may not see is never found, counted or quoted.
 */
@ApplicationScoped
public class SearchService {

    /** The language configuration of the full text index (V40, V46) and of every query. */
    static final String LANGUAGE = "english";
    static final int MAX_ENTRIES = 50;
    static final int SNIPPET = 160;

    private final EntityManager em;
    private final boolean postgres;
    /** How many of the newest matches (that the caller may see) are ranked. */
    private final int candidates;

    public SearchService(EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind, SearchConfig config) {
        this.em = em;
        this.postgres = dbKind.startsWith("postgres");
        this.candidates = config.candidates();
    }

    @Transactional
    public SearchResult search(UUID userId, SearchQuery query) {
        Map<UUID, Member> memberships = new HashMap<>();
        for (RoomMember m : RoomMember.<RoomMember> list("userId", userId)) {
            memberships.put(m.roomId, m.toMember());
        }
        Map<UUID, Room> rooms = new LinkedHashMap<>();
        Map<UUID, String> types = new HashMap<>();
        if (!memberships.isEmpty()) {
            // The rooms' types in one query, not one a room: a member of a thousand rooms searches as fast as one of ten.
            RoomPlaybook.<RoomPlaybook> list("roomId in ?1", memberships.keySet()).forEach(p -> types.put(p.roomId, p.typeId));
            for (Room room : Room.<Room> list("id in ?1 order by createdAt desc", memberships.keySet())) {
                if (matchesRoom(room, types.get(room.id), query)) {
                    rooms.put(room.id, room);
                }
            }
            for (Map.Entry<String, String> filter : query.fields().entrySet()) {
                keepFieldMatches(rooms, filter.getKey(), filter.getValue());
            }
        }
        if (query.terms().isEmpty() || rooms.isEmpty()) {
            List<SearchResult.RoomHit> hits = rooms.values().stream().map(r -> roomHit(r, types.get(r.id), 0)).toList();
            return new SearchResult(query.q(), hits, List.of(), false);
        }
        List<Candidate> visible = new ArrayList<>();
        // Entries the caller may not see are left out by the query itself, so that they never crowd out, among the
        // newest matches that are ranked, older ones the caller may see; the rule is checked again on each.
        Readable readable = Readable.of(userId, memberships, rooms);
        for (Candidate c : postgres ? fullText(query, readable) : words(query, readable)) {
            Room room = rooms.get(c.roomId);
            Viewer viewer = Viewer.of(memberships.get(c.roomId), room.kind);
            if (viewer.maySee(c.visibleTo == null ? null : RoleSetConverter.split(c.visibleTo), c.actorId)) {
                visible.add(c);
            }
        }
        visible.sort(Comparator.comparingDouble((Candidate c) -> -c.rank).thenComparing(c -> c.at, Comparator.reverseOrder()));
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        visible.forEach(c -> counts.merge(c.roomId, 1, Integer::sum));
        List<SearchResult.RoomHit> roomHits = counts.entrySet().stream()
                .map(e -> roomHit(rooms.get(e.getKey()), types.get(e.getKey()), e.getValue())).toList();
        List<SearchResult.EntryHit> entries = visible.stream().limit(MAX_ENTRIES)
                .map(c -> entryHit(c, rooms.get(c.roomId), query.terms())).toList();
        return new SearchResult(query.q(), roomHits, entries, visible.size() > MAX_ENTRIES);
    }

    /** The filters on the room itself: kind, severity, phase, opening time, type ({@code type}: the room's, or null). */
    private static boolean matchesRoom(Room room, String type, SearchQuery q) {
        if (q.kind() != null && room.kind != q.kind() || q.severity() != null && !room.severity.id().equalsIgnoreCase(q.severity().id())
                || q.phase() != null && !room.phase.equals(q.phase())) {
            return false;
        }
        if (q.from() != null && room.createdAt.isBefore(q.from()) || q.to() != null && !room.createdAt.isBefore(q.to())) {
            return false;
        }
        return q.type() == null || q.type().equals(type);
    }

    /** Keeps the rooms whose field {@code fieldId} holds {@code value} (or shows it), ignoring case; one query for all of them. */
    private static void keepFieldMatches(Map<UUID, Room> rooms, String fieldId, String value) {
        if (rooms.isEmpty()) {
            return;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        java.util.Set<UUID> holding = new java.util.HashSet<>();
        for (RoomField field : RoomField.<RoomField> list("fieldId = ?1 and roomId in ?2", fieldId, rooms.keySet())) {
            if (field.valueList().stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(wanted))
                    || field.display != null && field.display.toLowerCase(Locale.ROOT).equals(wanted)) {
                holding.add(field.roomId);
            }
        }
        rooms.keySet().retainAll(holding);
    }

    /** A matching entry before the visibility check. */
    record Candidate(UUID roomId, long seq, String kind, Instant at, UUID actorId, String visibleTo, String body, double rank) {
    }

    /**
     * The newest matches the caller may see ({@code sitroom.search.candidates} of them), ranked. The stored vector
     * ({@code terms}, V46) finds the matches and ranks them without parsing any text again. Only the newest are
     * ranked: the index finds every match of a common word (tens of thousands of entries) and their times cheaply,
     * so they are narrowed by time on their keys alone, and only those chosen are read whole and ranked. Where
     * fewer entries match, as for most searches, that is every match.
     */
    @SuppressWarnings("unchecked")
    private List<Candidate> fullText(SearchQuery query, Readable readable) {
        jakarta.persistence.Query sql = em.createNativeQuery("SELECT e.room_id, e.seq, e.kind, e.at, e.actor_id, e.visible_to, e.body, "
                + "ts_rank(e.terms, q) AS rank FROM ("
                + "SELECT m.room_id, m.seq FROM search_entry m, websearch_to_tsquery('" + LANGUAGE + "', :q) q "
                + "WHERE m.room_id IN (:rooms) AND m.terms @@ q AND " + readable.sql("m.") + " ORDER BY m.at DESC, m.seq DESC LIMIT "
                + candidates + ") k "
                + "JOIN search_entry e ON e.room_id = k.room_id AND e.seq = k.seq, websearch_to_tsquery('" + LANGUAGE + "', :q) q "
                + "ORDER BY rank DESC, e.at DESC")
                .setParameter("q", query.q()).setParameter("rooms", readable.rooms());
        readable.bind(sql);
        List<Object[]> rows = sql.getResultList();
        List<Candidate> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new Candidate((UUID) row[0], ((Number) row[1]).longValue(), (String) row[2], instant(row[3]), (UUID) row[4],
                    (String) row[5], (String) row[6], ((Number) row[7]).doubleValue()));
        }
        return result;
    }

    /** H2: entries holding every word, ranked by how often the words occur. */
    @SuppressWarnings("unchecked")
    private List<Candidate> words(SearchQuery query, Readable readable) {
        StringBuilder where = new StringBuilder("e.room_id IN (:rooms) AND " + readable.sql("e."));
        for (int i = 0; i < query.terms().size(); i++) {
            where.append(" AND LOWER(e.body) LIKE :term").append(i);
        }
        jakarta.persistence.Query sql = em.createNativeQuery("SELECT e.* FROM search_entry e WHERE " + where + " ORDER BY e.at DESC",
                SearchEntry.class).setParameter("rooms", readable.rooms()).setMaxResults(candidates);
        for (int i = 0; i < query.terms().size(); i++) {
            sql.setParameter("term" + i, "%" + query.terms().get(i) + "%");
        }
        readable.bind(sql);
        List<SearchEntry> rows = sql.getResultList();
        List<Candidate> result = new ArrayList<>(rows.size());
        for (SearchEntry e : rows) {
            String lower = e.body.toLowerCase(Locale.ROOT);
            int occurrences = 0;
            for (String term : query.terms()) {
                for (int i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + term.length())) {
                    occurrences++;
                }
            }
            result.add(new Candidate(e.roomId, e.seq, e.kind, e.at, e.actorId, e.visibleTo, e.body, occurrences));
        }
        return result;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("a time of type " + value.getClass().getName());
    }

    private static SearchResult.RoomHit roomHit(Room room, String type, int matches) {
        return new SearchResult.RoomHit(room.id, room.title, room.kind.name(), room.severity.id(), room.phase.wire(),
                type, HashChain.formatTime(room.createdAt), matches);
    }

    private static SearchResult.EntryHit entryHit(Candidate c, Room room, List<String> terms) {
        Snippet snippet = Snippet.of(c.body, terms, SNIPPET);
        return new SearchResult.EntryHit(c.roomId, room.title, c.seq, c.kind, HashChain.formatTime(c.at), snippet.text(),
                snippet.highlights(), Math.round(c.rank * 1000) / 1000.0, "/rooms/" + c.roomId + "?seq=" + c.seq);
    }
}
