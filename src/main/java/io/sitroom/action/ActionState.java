package io.sitroom.action;

import java.time.Instant;
import java.util.UUID;

import io.sitroom.role.Role;

/** An action item as its decider sees it. */
public record ActionState(UUID id, String title, UUID ownerId, Role ownerRole, Instant dueAt, ActionStatus status, boolean overdue) {
}
