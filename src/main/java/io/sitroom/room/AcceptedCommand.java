package io.sitroom.room;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
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
import jakarta.persistence.Query;
import jakarta.persistence.Table;

import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The record that a client's command was accepted, keyed by {@code (room, commandId)}: a repeat
 * of the same command finds it and gets the first result back instead of appending again.
 * Refused commands leave no row (and no other trace). A batch's rows are written together, and an id
 * recorded before is skipped, not refused: the unit of work learns so from the count and runs the batch
 * again with the lookup (see {@code RoomWriter}).
 */
@Entity
@Table(name = "room_command")
@IdClass(AcceptedCommand.Key.class)
public class AcceptedCommand extends PanacheEntityBase {

    public record Key(UUID roomId, String commandId) implements Serializable {
    }

    /** For the ORM. */
    public AcceptedCommand() {
    }

    AcceptedCommand(UUID roomId, String commandId, long firstSeq, long lastSeq) {
        this.roomId = roomId;
        this.commandId = commandId;
        this.firstSeq = firstSeq;
        this.lastSeq = lastSeq;
    }

    CommandResult result() {
        return CommandResult.accepted(commandId, firstSeq, lastSeq);
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

    /**
     * Records a batch's accepted commands in one statement, skipping an id the room has recorded before; returns how
     * many were recorded (fewer than given: a command repeated one of an earlier batch).
     */
    public static int recordNew(List<AcceptedCommand> accepted) {
        String rows = String.join(", ", Collections.nCopies(accepted.size(), "(?, ?, ?, ?)"));
        Query insert = getEntityManager().createNativeQuery(
                "insert into room_command (room_id, command_id, first_seq, last_seq) values " + rows + " on conflict do nothing")
                // It writes this table only: the session's other pending rows need not be flushed first.
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(AcceptedCommand.class);
        int parameter = 0;
        for (AcceptedCommand row : accepted) {
            insert.setParameter(++parameter, row.roomId);
            insert.setParameter(++parameter, row.commandId);
            insert.setParameter(++parameter, row.firstSeq);
            insert.setParameter(++parameter, row.lastSeq);
        }
        return insert.executeUpdate();
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
                results.put(accepted.commandId, accepted.result());
            }
        }
        return results;
    }
}
