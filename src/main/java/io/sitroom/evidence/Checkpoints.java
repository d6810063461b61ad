package io.sitroom.evidence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.audit.AuditLog;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Countersignature;
import io.sitroom.chain.Jwk;
import io.sitroom.room.RoomService;
import io.sitroom.security.Caller;

/** What the evidence endpoints and the export read: a room's checkpoints, the published keys, rotation. */
@ApplicationScoped
public class Checkpoints {

    private final RoomService rooms;
    private final KeyRing keys;
    private final AuditLog audit;
    private final Witnesses witnesses;

    public Checkpoints(RoomService rooms, KeyRing keys, AuditLog audit, Witnesses witnesses) {
        this.rooms = rooms;
        this.keys = keys;
        this.audit = audit;
        this.witnesses = witnesses;
    }

    /** A room's checkpoints, oldest first, for one of its members (a checkpoint shows a seq and a hash, as a redacted link does). */
    @Transactional
    public List<Checkpoint> forMember(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        return RoomCheckpoint.of(roomId);
    }

    /** A room's checkpoints, oldest first, for a caller already known to be its member (the export). */
    @Transactional
    public List<Checkpoint> of(UUID roomId) {
        return RoomCheckpoint.of(roomId);
    }

    /** The checkpoint stored for a room and seq, if there is one (a webhook delivery about to be sent). */
    @Transactional
    public Optional<Checkpoint> at(UUID roomId, long seq) {
        return RoomCheckpoint.<RoomCheckpoint> findByIdOptional(new RoomCheckpoint.Key(roomId, seq)).map(RoomCheckpoint::checkpoint);
    }

    /** The published key with this id, if it is still published (a key this node cannot open is not). */
    public Optional<Jwk> key(String kid) {
        return keys.published().stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    /** The witnesses' countersignatures of a room's checkpoints, by seq (the export). */
    public List<Countersignature> countersignaturesOf(UUID roomId) {
        return witnesses.of(roomId);
    }

    /** The pinned keys of the witnesses that countersigned a room's checkpoints (the export). */
    public Jwks witnessKeysOf(UUID roomId) {
        return witnesses.witnessKeys(roomId);
    }

    public Jwks published() {
        return new Jwks(keys.published());
    }

    public Jwk rotate(Caller admin) {
        Jwk rotated = keys.rotate();
        audit.record(admin.userId(), admin.displayName(), "keys.rotate", "checkpoint signing keys", "new kid " + rotated.kid());
        return rotated;
    }

    public boolean enabled() {
        return keys.enabled();
    }
}
