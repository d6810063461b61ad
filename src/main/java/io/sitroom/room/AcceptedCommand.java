package io.sitroom.room;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The record that a client's command was accepted, keyed by {@code (room, commandId)}: a repeat
 * of the same command finds it and gets the first result back instead of appending again.
 * Refused commands leave no row (and no other trace).
 */
@Entity
@Table(name = "room_command")
@IdClass(AcceptedCommand.Key.class)
public class AcceptedCommand extends PanacheEntityBase {

    public record Key(UUID roomId, String commandId) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "command_id", length = 64)
    public String commandId;

    @Column(name = "first_seq", nullable = false)
    public long firstSeq;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    /**
     * Sizes of the lookup's id list: a batch's ids are padded (with the last id again) to the next size, and
     * split into lists of the largest. Each size is its own query of single parameters, so the ORM translates
     * it once and keeps it; a list parameter ({@code in ?2}) is translated again for every call.
     */
    private static final int[] LOOKUP_SIZES = { 1, 4, 16, 64, 256 };
    private static final String[] LOOKUPS = Arrays.stream(LOOKUP_SIZES).mapToObj(AcceptedCommand::lookup).toArray(String[]::new);

    private static String lookup(int size) {
        return IntStream.rangeClosed(2, size + 1).mapToObj(i -> "?" + i).collect(Collectors.joining(", ", "roomId = ?1 and commandId in (", ")"));
    }

    /** The results of those of these command ids the room has accepted before, in one query (a few for a long batch). */
    public static Map<String, CommandResult> results(UUID roomId, Collection<String> commandIds) {
        Map<String, CommandResult> results = new HashMap<>();
        List<String> ids = List.copyOf(commandIds);
        int largest = LOOKUP_SIZES[LOOKUP_SIZES.length - 1];
        for (int from = 0; from < ids.size(); from += largest) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + largest));
            int size = 0;
            while (LOOKUP_SIZES[size] < part.size()) {
                size++;
            }
            Object[] parameters = new Object[LOOKUP_SIZES[size] + 1];
            parameters[0] = roomId;
            for (int i = 1; i < parameters.length; i++) {
                parameters[i] = part.get(Math.min(i, part.size()) - 1);
            }
            for (AcceptedCommand accepted : AcceptedCommand.<AcceptedCommand> list(LOOKUPS[size], parameters)) {
                results.put(accepted.commandId, CommandResult.accepted(accepted.commandId, accepted.firstSeq, accepted.lastSeq));
            }
        }
        return results;
    }
}
