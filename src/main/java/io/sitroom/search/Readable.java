package io.sitroom.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.Query;

import io.sitroom.role.Role;
import io.sitroom.room.Member;
import io.sitroom.room.Room;

/**
 * The visibility rule ({@link io.sitroom.room.Viewer#maySee}) as a condition on {@code search_entry}, for one
 * caller over the rooms searched: an entry for everyone, one the caller wrote, any entry of a room the caller
 * leads, or a restricted one naming a role the caller holds in that room. Used inside the query, so that
 * entries the caller may not see take no place among the newest matches (they are checked again one by one).
 *
 * @param rooms      the rooms searched
 * @param leads      those of them the caller leads (sees everything in)
 * @param roleRooms  for each role the caller holds without leading, the rooms (of those searched) where they hold it
 */
record Readable(UUID caller, Collection<UUID> rooms, List<UUID> leads, Map<Role, List<UUID>> roleRooms) {

    static Readable of(UUID caller, Map<UUID, Member> memberships, Map<UUID, Room> rooms) {
        List<UUID> leads = new ArrayList<>();
        Map<Role, List<UUID>> roleRooms = new TreeMap<>();
        for (Room room : rooms.values()) {
            Member member = memberships.get(room.id);
            if (member.holds(room.kind.leadRole())) {
                leads.add(room.id);
                continue;
            }
            for (Role role : member.roles()) {
                roleRooms.computeIfAbsent(role, r -> new ArrayList<>()).add(room.id);
            }
        }
        return new Readable(caller, List.copyOf(rooms.keySet()), leads, new LinkedHashMap<>(roleRooms));
    }

    /**
     * The condition, for the columns of {@code alias} (e.g. {@code "m."}); its parameters are named {@code vis...}.
     * {@code visible_to} holds the roles' wire names joined by commas (SearchFeature), matched whole.
     */
    String sql(String alias) {
        if (leads.size() == rooms.size()) {
            return "(1 = 1)"; // the caller leads every room searched: everything is theirs to read
        }
        StringBuilder sql = new StringBuilder("(").append(alias).append("visible_to IS NULL OR ").append(alias).append("actor_id = :visCaller");
        if (!leads.isEmpty()) {
            sql.append(" OR ").append(alias).append("room_id IN (:visLeads)");
        }
        int i = 0;
        for (Map.Entry<Role, List<UUID>> entry : roleRooms.entrySet()) {
            String named = "CONCAT(',', " + alias + "visible_to, ',') LIKE :visRole" + i;
            // A role held in every room searched needs no list of rooms (a thousand ids cost PostgreSQL planning time).
            sql.append(" OR ").append(entry.getValue().size() == rooms.size() ? named
                    : "(" + alias + "room_id IN (:visRooms" + i + ") AND " + named + ")");
            i++;
        }
        return sql.append(")").toString();
    }

    /** Binds the condition's parameters. */
    void bind(Query query) {
        if (leads.size() == rooms.size()) {
            return;
        }
        query.setParameter("visCaller", caller);
        if (!leads.isEmpty()) {
            query.setParameter("visLeads", leads);
        }
        int i = 0;
        for (Map.Entry<Role, List<UUID>> entry : roleRooms.entrySet()) {
            if (entry.getValue().size() != rooms.size()) {
                query.setParameter("visRooms" + i, entry.getValue());
            }
            query.setParameter("visRole" + i, "%," + entry.getKey().wire() + ",%");
            i++;
        }
    }
}
