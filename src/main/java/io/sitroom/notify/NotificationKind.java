package io.sitroom.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a member may be mailed about; each person chooses which (all by default). */
public enum NotificationKind {
    /** Your role is asked to acknowledge an event. */
    ACK_REQUESTED,
    /** An acknowledgement asked of your role passed its deadline unanswered. */
    ACK_OVERDUE,
    /** A role was assigned or handed over to you, or you were added to a room with roles. */
    ROLE_ASSIGNED,
    /** An action item was assigned to you (by name or by a role you hold). */
    ACTION_ASSIGNED,
    /** An action of yours is due soon ({@code sitroom.notifications.due-soon} before its due time). */
    ACTION_DUE_SOON,
    /** An action of yours passed its due time. */
    ACTION_OVERDUE,
    /** The room's status update is overdue (to the incident commander). */
    UPDATE_OVERDUE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationKind> find(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }
}
