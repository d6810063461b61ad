package io.sitroom.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** An erasure request and what became of it: a projection of erasure.requested, erasure.rejected and event.erased. */
@Entity
@Table(name = "erasure_request")
public class ErasureRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(nullable = false)
    public long seq;

    @Column(nullable = false, length = 64)
    public String kind;

    @Column(nullable = false, length = 1000)
    public String reason;

    @Column(name = "requested_by", nullable = false)
    public UUID requestedBy;

    @Column(name = "requested_by_name", length = 128)
    public String requestedByName;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ErasureState.Status status;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_by_name", length = 128)
    public String decidedByName;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason", length = 1000)
    public String decisionReason;

    ErasureState state() {
        return new ErasureState(id, roomId, seq, kind, reason, requestedBy, requestedByName, status);
    }

    static boolean pendingFor(UUID roomId, long seq) {
        return count("roomId = ?1 and seq = ?2 and status = ?3", roomId, seq, ErasureState.Status.PENDING) > 0;
    }

    /** The newest requests first, of one status or of all (null). */
    static List<ErasureRequest> newest(ErasureState.Status status, int limit) {
        return (status == null ? findAll(Sort.descending("requestedAt", "id")) : find("status", Sort.descending("requestedAt", "id"), status))
                .page(0, limit).list();
    }
}
