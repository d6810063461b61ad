package io.sitroom.erasure;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitroom.audit.AuditLog;
import io.sitroom.clock.WireTime;
import io.sitroom.error.SitroomException;
import io.sitroom.room.Fields;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomWriter;
import io.sitroom.security.Caller;

/**
 * The admin's side of erasure: the requests waiting, and the decision on each, appended to the room's log
 * through its unit of work ({@link RoomWriter}) like any command, with the admin as the actor. The admin need
 * not be a member of the room; the decision is checked again under the room's lock (still pending, the hold).
 */
@ApplicationScoped
public class ErasureService {

    static final int MAX_LISTED = 500;

    private final RoomWriter writer;
    private final AuditLog audit;

    public ErasureService(RoomWriter writer, AuditLog audit) {
        this.writer = writer;
        this.audit = audit;
    }

    /** An erasure request as the admin sees it listed. */
    public record ErasureView(UUID erasureId, UUID roomId, String roomTitle, long seq, String kind, String reason, UUID requestedBy,
            String requestedByName, String requestedAt, String status, UUID decidedBy, String decidedByName, String decidedAt,
            String decisionReason) {
    }

    @Transactional
    public List<ErasureView> list(String status) {
        ErasureState.Status wanted = null;
        if (status != null) {
            wanted = Arrays.stream(ErasureState.Status.values()).filter(s -> s.wire().equals(status)).findFirst()
                    .orElseThrow(() -> SitroomException.invalid("status must be pending, erased or rejected"));
        }
        return ErasureRequest.newest(wanted, MAX_LISTED).stream().map(ErasureService::view).toList();
    }

    public ErasureView approve(UUID erasureId, Caller admin) {
        ErasureView decided = decide(erasureId, admin, (request, room) -> ErasureDecider.approve(request, actor(admin), room.legalHold));
        audit.record(admin.userId(), admin.displayName(), "erasure.approve", "room " + decided.roomId() + " seq " + decided.seq(),
                "erasure " + erasureId + " (" + decided.kind() + "), requested by " + decided.requestedByName());
        return decided;
    }

    public ErasureView reject(UUID erasureId, Caller admin, String reason) {
        String why = Fields.text(reason, "reason", ErasureCommand.MAX_REASON);
        ErasureView decided = decide(erasureId, admin, (request, room) -> ErasureDecider.reject(request, why));
        audit.record(admin.userId(), admin.displayName(), "erasure.reject", "room " + decided.roomId() + " seq " + decided.seq(),
                "erasure " + erasureId);
        return decided;
    }

    private interface Decision {
        List<NewEvent> decide(ErasureState request, Room room);
    }

    private ErasureView decide(UUID erasureId, Caller admin, Decision decision) {
        UUID roomId = QuarkusTransaction.requiringNew().call(() -> {
            ErasureRequest request = ErasureRequest.findById(erasureId);
            if (request == null) {
                throw SitroomException.notFound("no erasure request " + erasureId);
            }
            return request.roomId;
        });
        writer.run(roomId, locked -> {
            ErasureRequest request = ErasureRequest.findById(erasureId);
            locked.append(actor(admin), null, decision.decide(request.state(), locked.entity()));
            return null;
        });
        return QuarkusTransaction.requiringNew().call(() -> view(ErasureRequest.findById(erasureId)));
    }

    /** The admin as the actor of the decision: not a member, so with no role in the room. */
    private static Member actor(Caller admin) {
        return new Member(admin.userId(), admin.displayName(), Set.of());
    }

    static ErasureView view(ErasureRequest r) {
        Room room = Room.findById(r.roomId);
        return new ErasureView(r.id, r.roomId, room == null ? null : room.title, r.seq, r.kind, r.reason, r.requestedBy, r.requestedByName,
                WireTime.format(r.requestedAt), r.status.wire(), r.decidedBy, r.decidedByName,
                r.decidedAt == null ? null : WireTime.format(r.decidedAt), r.decisionReason);
    }
}
