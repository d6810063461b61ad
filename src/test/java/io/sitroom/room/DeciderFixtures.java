package io.sitroom.room;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.sitroom.role.Role;

/** Builds room states for decider tests without a framework. */
public final class DeciderFixtures {

    public static final UUID IC = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    public static final UUID LEGAL = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    public static final UUID OBSERVER = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    public static final UUID OUTSIDER = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final Map<UUID, Member> members = new HashMap<>();
    private RoomKind kind = RoomKind.INCIDENT;
    private Phase phase = Phase.ANALYSIS;
    private Severity severity = Severity.SEV2;
    private Taxonomy taxonomy = Taxonomy.defaults();

    private DeciderFixtures() {
    }

    /** An incident with an IC, a legal member and an observer. */
    public static DeciderFixtures incident() {
        return new DeciderFixtures()
                .with(IC, "Ines IC", Role.INCIDENT_COMMANDER)
                .with(LEGAL, "Lea Legal", Role.LEGAL)
                .with(OBSERVER, "Otto Observer", Role.OBSERVER);
    }

    public DeciderFixtures with(UUID id, String name, Role... roles) {
        members.put(id, new Member(id, name, roles.length == 0 ? Set.of() : Set.of(roles)));
        return this;
    }

    public DeciderFixtures kind(RoomKind kind) {
        this.kind = kind;
        return this;
    }

    public DeciderFixtures phase(Phase phase) {
        this.phase = phase;
        return this;
    }

    public DeciderFixtures severity(Severity severity) {
        this.severity = severity;
        return this;
    }

    /** The deployment's severities and phases the deciders consult (Sitroom's own unless set). */
    public DeciderFixtures taxonomy(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        return this;
    }

    public RoomState state() {
        return new RoomState(UUID.fromString("00000000-0000-0000-0000-000000000100"), kind, "Test", severity, phase, 10,
                members);
    }

    public CommandContext as(UUID actor) {
        return new CommandContext(state(), members.get(actor), NOW,
                id -> id.equals(OUTSIDER) ? Optional.of("Olga Outsider") : Optional.empty(), taxonomy);
    }
}
