package io.sitroom.room;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A room: its current state (a projection of its log) and the head of its hash chain. */
@Entity
@Table(name = "room")
public class Room extends PanacheEntityBase {

    /** The hash a room's first event chains from. */
    public static final String GENESIS_HASH = io.sitroom.chain.ChainHash.GENESIS;

    /** The chain version of rooms opened now. */
    public static final int CURRENT_CHAIN_VERSION = 2;

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RoomKind kind;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 32)
    public Severity severity;

    @Column(nullable = false, length = 32)
    public Phase phase;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "head_seq", nullable = false)
    public long headSeq;

    @Column(name = "head_hash", nullable = false, length = 64)
    public String headHash;

    /**
     * How its log is chained (docs/protocol.md, "Hash chain"): 1 for rooms opened before erasure existed, whose
     * events hash their data; 2 for the others, whose events hash a salted commitment to it.
     */
    @Column(name = "chain_version", nullable = false)
    public int chainVersion = CURRENT_CHAIN_VERSION;

    /** Under legal hold (room.hold): nothing of it may be erased or deleted. */
    @Column(name = "legal_hold", nullable = false)
    public boolean legalHold;

    /** The head seq of each of these rooms that exists. */
    public static java.util.Map<UUID, Long> heads(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, Long> heads = new java.util.HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select r.id, r.headSeq from Room r where r.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            heads.put((UUID) row[0], (Long) row[1]);
        }
        return heads;
    }

    /** Locks the room row for appending: appends to one room are serialised, other rooms never wait. */
    public static Room lockForAppend(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
