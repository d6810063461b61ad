package io.sitroom.comms;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.sitroom.crypto.Sha256;
import io.sitroom.error.SitroomException;
import io.sitroom.json.CanonicalJson;
import io.sitroom.role.Role;
import io.sitroom.room.Authority;
import io.sitroom.room.CommandContext;
import io.sitroom.room.Member;
import io.sitroom.room.NewEvent;
import io.sitroom.room.Severity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules of communication: updates reach only their audience; an external statement goes out
 * only when a comms approver and legal, two different people, approved the exact version being
 * published; a request for acknowledgement stays open until every named role answered, and
 * silence becomes an overdue notice for the room's lead. Pure.
 */
public final class CommsDecider {

    private CommsDecider() {
    }

    public static List<NewEvent> postUpdate(CommsCommand.PostUpdate c, CommandContext context) {
        if (c.nextUpdateAt() != null && !c.nextUpdateAt().isAfter(context.now())) {
            throw SitroomException.invalid("nextUpdateAt must be in the future");
        }
        return List.of(new NewEvent(new CommsEvent.UpdatePosted(c.audience(), c.summary(), c.impact(), c.decisionNeeded(),
                c.nextUpdateAt(), c.rootCause(), c.fixOptions(), c.testPlan(), c.deploymentPath(), c.exposure(), c.obligations(),
                c.evidence(), c.timeline()), c.audience().readers()));
    }

    /** An update is overdue when its due time has passed with none posted. */
    public static List<NewEvent> updateOverdue(Instant due, Instant now, Severity severity, Instant lastUpdateAt) {
        if (due == null || due.isAfter(now)) {
            return List.of();
        }
        return List.of(NewEvent.forEveryone(new CommsEvent.UpdateOverdue(due, severity, lastUpdateAt)));
    }

    public static String textHash(String title, String body, String channel) {
        ObjectNode text = JsonNodeFactory.instance.objectNode();
        text.put("title", title);
        text.put("body", body);
        text.put("channel", channel);
        return Sha256.hex(CanonicalJson.write(text));
    }

    public static List<NewEvent> draft(CommsCommand.DraftStatement c, CommandContext context, StatementState existing, UUID newId) {
        String hash = textHash(c.title(), c.body(), c.channel());
        if (c.statementId() == null) {
            return List.of(NewEvent.forEveryone(new CommsEvent.StatementDrafted(newId, 1, c.title(), c.body(), c.channel(), hash)));
        }
        if (existing == null) {
            throw SitroomException.notFound("no statement " + c.statementId() + " in this room");
        }
        if (hash.equals(existing.currentHash())) {
            throw SitroomException.conflict("this revision does not change version " + existing.currentVersion());
        }
        return List.of(NewEvent.forEveryone(new CommsEvent.StatementDrafted(existing.id(), existing.currentVersion() + 1, c.title(),
                c.body(), c.channel(), hash)));
    }

    public static List<NewEvent> approve(CommsCommand.ApproveStatement c, CommandContext context, StatementState statement) {
        Member actor = context.actor();
        if (statement == null) {
            throw SitroomException.notFound("no such statement in this room");
        }
        if (statement.publishedVersion() != null && statement.publishedVersion() == statement.currentVersion()) {
            throw SitroomException.conflict("version " + statement.currentVersion() + " is already published");
        }
        if (statement.approvals().containsValue(actor.userId())) {
            throw SitroomException.conflict(actor.displayName() + " already approved version " + statement.currentVersion()
                    + "; the other approval must come from someone else");
        }
        Role role = approvingRole(c.as(), actor, statement);
        EnumSet<Role> missing = EnumSet.copyOf(statement.missing());
        missing.remove(role);
        return List.of(NewEvent.forEveryone(new CommsEvent.StatementApproved(statement.id(), statement.currentVersion(),
                statement.currentHash(), role, missing)));
    }

    private static Role approvingRole(Role requested, Member actor, StatementState statement) {
        if (requested != null) {
            if (!StatementState.APPROVERS.contains(requested) || !actor.holds(requested)) {
                throw SitroomException.forbidden(actor.displayName() + " cannot approve as " + requested);
            }
            if (!statement.missing().contains(requested)) {
                throw SitroomException.conflict(requested + " already approved version " + statement.currentVersion());
            }
            return requested;
        }
        for (Role role : List.of(Role.LEGAL, Role.COMMS_APPROVER)) {
            if (actor.holds(role) && statement.missing().contains(role)) {
                return role;
            }
        }
        throw SitroomException.conflict("version " + statement.currentVersion() + " already has the approval of every role "
                + actor.displayName() + " holds");
    }

    public static List<NewEvent> publish(CommsCommand.PublishStatement c, CommandContext context, StatementState statement) {
        if (statement == null) {
            throw SitroomException.notFound("no such statement in this room");
        }
        if (statement.publishedVersion() != null && statement.publishedVersion() == statement.currentVersion()) {
            throw SitroomException.conflict("version " + statement.currentVersion() + " is already published");
        }
        Set<Role> missing = statement.missing();
        if (!missing.isEmpty()) {
            throw SitroomException.conflict("version " + statement.currentVersion() + " cannot be published yet: it still needs the approval of "
                    + Authority.describe(missing).replace(" or ", " and "));
        }
        return List.of(NewEvent.forEveryone(new CommsEvent.StatementPublished(statement.id(), statement.currentVersion(),
                statement.currentHash())));
    }

    public static List<NewEvent> requestAck(CommsCommand.RequestAck c, CommandContext context, UUID newId, Instant dueAt) {
        if (c.about() < 1 || c.about() > context.room().headSeq()) {
            throw SitroomException.notFound("no event " + c.about() + " in this room to acknowledge");
        }
        return List.of(NewEvent.forEveryone(new CommsEvent.AckRequested(newId, c.about(), c.roles(), dueAt)));
    }

    public static List<NewEvent> giveAck(CommsCommand.GiveAck c, CommandContext context, AckState ack) {
        if (ack == null) {
            throw SitroomException.notFound("no such acknowledgement request in this room");
        }
        Member actor = context.actor();
        EnumSet<Role> asked = EnumSet.noneOf(Role.class);
        actor.roles().stream().filter(ack.roles()::contains).forEach(asked::add);
        if (asked.isEmpty()) {
            throw SitroomException.forbidden("this acknowledgement is asked of " + Authority.describe(ack.roles()));
        }
        EnumSet<Role> covers = EnumSet.copyOf(asked);
        covers.retainAll(ack.pending());
        if (covers.isEmpty()) {
            throw SitroomException.conflict("already acknowledged for " + Authority.describe(asked));
        }
        EnumSet<Role> pending = EnumSet.noneOf(Role.class);
        pending.addAll(ack.pending());
        pending.removeAll(covers);
        return List.of(NewEvent.forEveryone(new CommsEvent.AckGiven(ack.id(), covers, pending)));
    }

    /**
     * Silence is not agreement: an unanswered request past its time is reported to the whole room
     * (whose snapshot shows it overdue anyway), the lead and those who still owe it included.
     */
    public static List<NewEvent> ackOverdue(AckState ack, Instant now) {
        if (ack.overdue() || ack.pending().isEmpty() || ack.dueAt().isAfter(now)) {
            return List.of();
        }
        return List.of(NewEvent.forEveryone(new CommsEvent.AckOverdue(ack.id(), ack.about(), ack.pending(), ack.dueAt())));
    }
}
