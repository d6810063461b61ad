package io.sitroom.room;

import java.io.Serializable;
import java.util.UUID;

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

    /** The results of those of these command ids the room has accepted before, in one query. */
    public static java.util.Map<String, CommandResult> results(UUID roomId, java.util.Collection<String> commandIds) {
        java.util.Map<String, CommandResult> results = new java.util.HashMap<>();
        for (AcceptedCommand accepted : AcceptedCommand.<AcceptedCommand> list("roomId = ?1 and commandId in ?2", roomId, commandIds)) {
            results.put(accepted.commandId, CommandResult.accepted(accepted.commandId, accepted.firstSeq, accepted.lastSeq));
        }
        return results;
    }
}
