package io.sitroom.playbook;

import java.time.Instant;
import java.util.UUID;

import io.sitroom.role.Role;

/** A checklist item as its decider sees it. */
public record ItemState(String itemId, String text, Role ownerRole, UUID assigneeId, Instant dueAt, ChecklistStatus status,
        boolean overdue) {
}
