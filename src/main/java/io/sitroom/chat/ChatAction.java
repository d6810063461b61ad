package io.sitroom.chat;

import java.util.UUID;

/**
 * What a chat user asked for, from a slash command, a button or a shortcut, before it is anyone's command: the
 * same actions on every platform. Each becomes a room command through the room's one command path, or a read.
 */
public sealed interface ChatAction {

    /** Opens an incident room (and its channel). {@code severity} null: the deployment's default. */
    record Declare(String severity, String title) implements ChatAction {
    }

    record Note(String text) implements ChatAction {
    }

    /** Proposes a decision: {@code choice}, why, and the roles that must approve it. */
    record Decide(String choice, String rationale, java.util.Set<String> approvers) implements ChatAction {
    }

    record Approve(UUID decisionId) implements ChatAction {
    }

    record Reject(UUID decisionId, String reason) implements ChatAction {
    }

    record ApproveStatement(UUID statementId) implements ChatAction {
    }

    record Ack(UUID ackId) implements ChatAction {
    }

    /** A status update for everyone in the room. */
    record Update(String summary) implements ChatAction {
    }

    record Status() implements ChatAction {
    }

    /** Links the chat user to the Sitroom account that made the code. */
    record Link(String code) implements ChatAction {
    }

    /** Links this channel to an existing room (its lead only). */
    record Connect(UUID roomId) implements ChatAction {
    }

    record Help() implements ChatAction {
    }
}
