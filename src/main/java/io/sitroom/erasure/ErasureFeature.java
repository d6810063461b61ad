package io.sitroom.erasure;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.CommandType;
import io.sitroom.room.Erasable;
import io.sitroom.room.EventLog;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.Viewer;

/**
 * Erasure that keeps the chain, and legal hold (docs/protocol.md, "Erasure and legal hold"). Legal issues the
 * room's commands, also in a closed room (an erasure request tends to come long after the incident); the admin's
 * decision is {@link ErasureService}'s. Approving appends {@code event.erased}, and projecting it erases the
 * content in the same unit of work.
 */
@ApplicationScoped
public class ErasureFeature implements RoomFeature {

    private final EventLog log;

    public ErasureFeature(EventLog log) {
        this.log = log;
    }

    @Override
    public List<CommandType<?>> commandTypes() {
        Authority legal = Authority.of(Role.LEGAL);
        return List.of(
                new CommandType<>("erasure.request", ErasureCommand.Request.class, legal,
                        (c, ctx) -> ErasureDecider.request(c, room(ctx).chainVersion, room(ctx).legalHold, target(ctx, c.seq()),
                                ErasureRequest.pendingFor(ctx.room().id(), c.seq()), UUID.randomUUID())).alsoWhenClosed(),
                new CommandType<>("room.hold", ErasureCommand.PlaceHold.class, legal,
                        (c, ctx) -> ErasureDecider.placeHold(c, room(ctx).legalHold)).alsoWhenClosed(),
                new CommandType<>("room.release_hold", ErasureCommand.ReleaseHold.class, legal,
                        (c, ctx) -> ErasureDecider.releaseHold(c, room(ctx).legalHold)).alsoWhenClosed());
    }

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(ErasureEvent.class);
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (event.payload() instanceof ErasureEvent.Requested requested) {
            ErasureRequest request = new ErasureRequest();
            request.id = requested.erasureId();
            request.roomId = room.id;
            request.seq = requested.seq();
            request.kind = requested.kind();
            request.reason = requested.reason();
            request.requestedBy = event.actorId();
            request.requestedByName = event.actor().displayName();
            request.requestedAt = event.at();
            request.status = ErasureState.Status.PENDING;
            request.persist();
        } else if (event.payload() instanceof ErasureEvent.Erased erased) {
            decided(erased.erasureId(), ErasureState.Status.ERASED, event, null);
            log.eraseContent(room.id, erased.seq());
        } else if (event.payload() instanceof ErasureEvent.Rejected rejected) {
            decided(rejected.erasureId(), ErasureState.Status.REJECTED, event, rejected.reason());
        } else if (event.payload() instanceof ErasureEvent.HoldPlaced) {
            room.legalHold = true;
        } else if (event.payload() instanceof ErasureEvent.HoldReleased) {
            room.legalHold = false;
        }
    }

    private static void decided(UUID erasureId, ErasureState.Status status, RecordedEvent event, String reason) {
        ErasureRequest request = ErasureRequest.findById(erasureId);
        request.status = status;
        request.decidedBy = event.actorId();
        request.decidedByName = event.actor() == null ? null : event.actor().displayName();
        request.decidedAt = event.at();
        request.decisionReason = reason;
    }

    private static Room room(CommandContext ctx) {
        return Room.findById(ctx.room().id());
    }

    /** The event as the requester may know it (see {@link ErasureDecider.Target}). */
    private ErasureDecider.Target target(CommandContext ctx, long seq) {
        RecordedEvent event = log.at(ctx.room().id(), seq);
        if (event == null || !event.visibleTo(Viewer.of(ctx.actor(), ctx.room().kind()))) {
            return null;
        }
        return new ErasureDecider.Target(seq, event.kind(), event.payload() instanceof Erasable, event.erased());
    }
}
