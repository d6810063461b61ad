package io.sitroom.action;

import java.time.Instant;
import java.util.UUID;

import io.sitroom.role.Role;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;

/** Events of action items. */
public sealed interface ActionEvent extends EventPayload {

    UUID actionId();

    @EventKind("action.created")
    record Created(UUID actionId, String title, UUID ownerId, String ownerName, Role ownerRole, Instant dueAt, UUID decisionId,
            ActionCommand.Risk risk, Integer riskScore) implements ActionEvent {
        @Override
        public String brief() {
            return title;
        }
    }

    @EventKind("action.updated")
    record Updated(UUID actionId, ActionStatus from, ActionStatus to, String note) implements ActionEvent {
        @Override
        public String brief() {
            return from + " to " + to;
        }
    }

    @EventKind("action.overdue")
    record Overdue(UUID actionId, String title, Instant dueAt, UUID ownerId, Role ownerRole, ActionStatus status) implements ActionEvent {
        @Override
        public String brief() {
            return title;
        }
    }
}
