package io.sitroom.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sitroom.comms.CommsEvent;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.error.SitroomException;
import io.sitroom.room.EventPayload;

/**
 * The buttons a mirrored event carries, and what a pressed one asks for. A button is its command's name and the id it
 * acts on; pressing it runs that command as the presser, so it does exactly what the same click in the web app does.
 */
public final class ChatButtons {

    public static final String APPROVE_DECISION = "decision.approve";
    public static final String REJECT_DECISION = "decision.reject";
    public static final String APPROVE_STATEMENT = "statement.approve";
    public static final String ACK = "ack.give";
    static final String REJECTED_FROM_CHAT = "Rejected from chat";

    private ChatButtons() {
    }

    public record Button(String action, String label, UUID value, boolean primary) {
    }

    /** The buttons for an event: approve or reject a proposed decision, approve a drafted statement, acknowledge. */
    public static List<Button> of(EventPayload payload) {
        List<Button> buttons = new ArrayList<>();
        if (payload instanceof DecisionEvent.Proposed proposed) {
            buttons.add(new Button(APPROVE_DECISION, "Approve", proposed.decisionId(), true));
            buttons.add(new Button(REJECT_DECISION, "Reject", proposed.decisionId(), false));
        } else if (payload instanceof CommsEvent.StatementDrafted drafted) {
            buttons.add(new Button(APPROVE_STATEMENT, "Approve statement", drafted.statementId(), true));
        } else if (payload instanceof CommsEvent.AckRequested requested) {
            buttons.add(new Button(ACK, "Acknowledge", requested.ackId(), true));
        }
        return buttons;
    }

    /**
     * The label of the one {@code Action.OpenUrl} that stands for an event's buttons where chat cannot call Sitroom
     * back (Teams): the person does it in the web console.
     */
    public static String inSitroom(List<Button> buttons) {
        if (buttons.stream().anyMatch(b -> b.action().equals(REJECT_DECISION))) {
            return "Approve or reject in Sitroom";
        }
        return buttons.get(0).label() + " in Sitroom";
    }

    /** What a pressed button asks for; an unknown action or a value that is not an id is refused. */
    public static ChatAction pressed(String action, String value) {
        UUID id;
        try {
            id = UUID.fromString(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw SitroomException.invalid("a button's value must be an id");
        }
        return switch (action == null ? "" : action) {
            case APPROVE_DECISION -> new ChatAction.Approve(id);
            case REJECT_DECISION -> new ChatAction.Reject(id, REJECTED_FROM_CHAT);
            case APPROVE_STATEMENT -> new ChatAction.ApproveStatement(id);
            case ACK -> new ChatAction.Ack(id);
            default -> throw SitroomException.invalid("unknown button action");
        };
    }
}
