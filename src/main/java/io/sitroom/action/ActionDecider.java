package io.sitroom.action;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.sitroom.error.SitroomException;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;

/** Action items: created by working roles, updated by their owner or the room's lead, overdue once past due. Pure. */
public final class ActionDecider {

    private ActionDecider() {
    }

    public static List<NewEvent> create(ActionCommand.Create c, CommandContext context, UUID newId, boolean decisionExists) {
        String ownerName = null;
        if (c.ownerId() != null) {
            ownerName = context.room().member(c.ownerId())
                    .orElseThrow(() -> SitroomException.notFound("the owner " + c.ownerId() + " is not a member of this room"))
                    .displayName();
        }
        if (c.decisionId() != null && !decisionExists) {
            throw SitroomException.notFound("no decision " + c.decisionId() + " in this room");
        }
        if (c.dueAt() != null && !c.dueAt().isAfter(context.now())) {
            throw SitroomException.invalid("dueAt must be in the future");
        }
        return List.of(NewEvent.forEveryone(new ActionEvent.Created(newId, c.title(), c.ownerId(), ownerName, c.ownerRole(), c.dueAt(),
                c.decisionId(), c.risk(), c.risk() == null ? null : c.risk().score())));
    }

    public static List<NewEvent> update(ActionCommand.Update c, CommandContext context, ActionState action) {
        if (action == null) {
            throw SitroomException.notFound("no such action in this room");
        }
        requireEditor(context, action, "update it");
        if (action.status() == c.status()) {
            throw SitroomException.conflict("the action is already " + c.status().wire());
        }
        return List.of(NewEvent.forEveryone(new ActionEvent.Updated(action.id(), action.status(), c.status(), c.note())));
    }

    /**
     * Refuses whoever may not change the action: its owner (by name, or by holding its role) may, and so may
     * whoever the command's authority privileges. {@code what}: "update it", "link it to a tracker".
     */
    public static void requireEditor(CommandContext context, ActionState action, String what) {
        Member actor = context.actor();
        boolean owner = actor.userId().equals(action.ownerId()) || (action.ownerRole() != null && actor.holds(action.ownerRole()));
        if (!owner && !context.privileged()) {
            throw SitroomException.forbidden("only the action's owner or " + Authority.describe(context.privilegedRoles()) + " may " + what);
        }
    }

    /** An open action past its due time is reported overdue, once. */
    public static List<NewEvent> overdue(ActionState action, Instant now) {
        if (action.dueAt() == null || action.dueAt().isAfter(now) || action.status().closed() || action.overdue()) {
            return List.of();
        }
        return List.of(NewEvent.forEveryone(new ActionEvent.Overdue(action.id(), action.title(), action.dueAt(), action.ownerId(),
                action.ownerRole(), action.status())));
    }
}
