package io.sitroom.retro;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.sitroom.comms.Audience;
import io.sitroom.comms.CommsEvent;
import io.sitroom.comms.CommsFeature;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.decision.DecisionFeature;
import io.sitroom.membership.RoleEvent;
import io.sitroom.role.Role;
import io.sitroom.room.CommandType;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomKind;

/**
 * Turns a closed incident's timeline into a scenario file, so that real incidents become next
 * quarter's exercise: each turning point (severity, phase, notes, decisions, executive updates)
 * becomes an inject at the offset it happened, and what the real team did becomes what the
 * players are expected to do. Pure; the result passes the scenario linter.
 */
public final class IncidentToScenario {

    static final int MAX_INJECTS = 40;
    private static final Duration MIN_WITHIN = Duration.ofMinutes(10);

    private IncidentToScenario() {
    }

    /** {@code events}: the incident's events for everyone, in seq order. */
    public static String build(UUID roomId, String title, Instant openedAt, List<RecordedEvent> events) {
        Set<Role> roles = EnumSet.of(Role.INCIDENT_COMMANDER);
        for (RecordedEvent e : events) {
            e.rolesAfter().values().forEach(held -> held.stream().filter(IncidentToScenario::playable).forEach(roles::add));
        }
        List<Map<String, Object>> injects = new ArrayList<>();
        Set<String> rated = new java.util.HashSet<>();
        Map<String, Object> opening = inject("opening", "The incident opens", 0,
                "**" + title + "**\n\nThis exercise replays a real incident. It opened at " + openedAt + ".", List.of(Role.INCIDENT_COMMANDER));
        injects.add(opening);
        events.stream().filter(e -> e.payload() instanceof RoleEvent.Assigned).findFirst().ifPresent(first -> {
            Role assigned = ((RoleEvent.Assigned) first.payload()).role();
            if (roles.contains(assigned)) {
                opening.put("expectations", List.of(expectation("first-role", Role.INCIDENT_COMMANDER, "assign_role", within(openedAt, first),
                        "coordinate", Map.of("assigns", assigned.wire()))));
                rated.add("coordinate");
            }
        });
        int n = 0;
        for (RecordedEvent e : events) {
            if (injects.size() >= MAX_INJECTS) {
                break;
            }
            long minutes = Math.max(0, Duration.between(openedAt, e.at()).toMinutes());
            Role actorRole = actorRole(e, roles);
            String id = "t" + (++n);
            EventPayload payload = e.payload();
            if (payload instanceof RoomEvent.SeverityChanged changed) {
                injects.add(inject(id, "Severity raised to " + changed.to(), minutes,
                        "The real team set the severity from " + changed.from() + " to " + changed.to() + ".", List.of(Role.INCIDENT_COMMANDER)));
            } else if (payload instanceof RoomEvent.PhaseChanged changed) {
                injects.add(inject(id, "Phase: " + changed.to().wire(), minutes, "The response moved to " + changed.to().wire() + ".",
                        List.of(Role.INCIDENT_COMMANDER)));
            } else if (payload instanceof RoomEvent.NoteAdded note) {
                injects.add(inject(id, "Note from the timeline", minutes, note.text(),
                        List.of(actorRole == null ? Role.INCIDENT_COMMANDER : actorRole)));
            } else if (payload instanceof DecisionEvent.Proposed proposed) {
                Map<String, Object> inject = inject(id, "Decision point: " + proposed.title(), minutes,
                        (proposed.context() == null ? "A decision was needed here." : proposed.context())
                                + "\n\nOptions the real team weighed: " + String.join("; ", proposed.options() == null ? List.of() : proposed.options()),
                        List.of(actorRole == null ? Role.INCIDENT_COMMANDER : actorRole));
                Role proposer = actorRole != null && mayIssue(DecisionFeature.PROPOSE, actorRole) ? actorRole : Role.INCIDENT_COMMANDER;
                List<String> approvers = proposed.approvers().stream().filter(roles::contains).map(Role::wire).sorted().toList();
                inject.put("to", List.of(proposer.wire()));
                inject.put("prompts", List.of("What do you decide, and who must approve it?"));
                inject.put("expectations", List.of(expectation(id + "-decide", proposer, "propose_decision", MIN_WITHIN, "decide",
                        approvers.isEmpty() ? Map.of() : Map.of("approvers", approvers))));
                rated.add("decide");
                injects.add(inject);
            } else if (payload instanceof CommsEvent.UpdatePosted posted && posted.audience() == Audience.EXECUTIVE
                    && roles.contains(Role.EXECUTIVE)) {
                Role poster = actorRole != null && mayIssue(CommsFeature.POST_UPDATE, actorRole) ? actorRole : Role.INCIDENT_COMMANDER;
                Map<String, Object> inject = inject(id, "Executives ask for status", minutes,
                        "The executive team wants to know what happened and what it means for the business.", List.of(Role.EXECUTIVE));
                inject.put("expectations", List.of(expectation(id + "-update", poster, "post_update", MIN_WITHIN, "inform",
                        Map.of("audience", "executive"))));
                rated.add("inform");
                injects.add(inject);
            }
        }
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("id", "incident-" + roomId.toString().substring(0, 8));
        scenario.put("title", "Replay: " + title);
        scenario.put("summary", "Built from the timeline of the closed incident \"" + title + "\". Each inject happened to the real team at"
                + " the same offset.");
        scenario.put("roles", roles.stream().map(Role::wire).toList());
        List<Map<String, Object>> objectives = new ArrayList<>();
        if (rated.isEmpty()) {
            opening.put("expectations", List.of(expectation("acknowledge-opening", Role.INCIDENT_COMMANDER, "acknowledge", MIN_WITHIN,
                    "coordinate", Map.of())));
            rated.add("coordinate");
        }
        addObjective(objectives, rated, "coordinate", "Organise the response as fast as the real team did", "Operational Coordination");
        addObjective(objectives, rated, "decide", "Reach the decisions the incident needed, with the right approvers", "Planning");
        addObjective(objectives, rated, "inform", "Keep the executives informed", "Public Information and Warning");
        scenario.put("objectives", objectives);
        scenario.put("injects", injects);
        scenario.put("debrief", List.of("Where did you decide differently from the real team, and why?",
                "Which decision took longest, and what would have made it faster?",
                "Who should have known sooner?"));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(options).dump(scenario);
    }

    private static boolean playable(Role role) {
        return role != Role.FACILITATOR && role != Role.OBSERVER;
    }

    private static Role actorRole(RecordedEvent e, Set<Role> roles) {
        if (e.actor() == null) {
            return null;
        }
        return e.actor().roles().stream().filter(roles::contains).findFirst().orElse(null);
    }

    /** Whether a player holding the role may issue the command in the exercise, whatever its content. */
    private static boolean mayIssue(CommandType<?> command, Role role) {
        return command.authority().privileged(Set.of(role), RoomKind.EXERCISE);
    }

    private static Duration within(Instant openedAt, RecordedEvent e) {
        Duration took = Duration.between(openedAt, e.at()).plusMinutes(5);
        return took.compareTo(MIN_WITHIN) < 0 ? MIN_WITHIN : took;
    }

    private static Map<String, Object> inject(String id, String title, long minutes, String body, List<Role> to) {
        Map<String, Object> inject = new LinkedHashMap<>();
        inject.put("id", id);
        inject.put("title", title.length() > 200 ? title.substring(0, 200) : title);
        inject.put("at", minutes + "m");
        inject.put("to", to.stream().map(Role::wire).toList());
        inject.put("body", body == null || body.isBlank() ? title : body);
        return inject;
    }

    private static Map<String, Object> expectation(String id, Role role, String action, Duration within, String objective,
            Map<String, Object> extra) {
        Map<String, Object> expectation = new LinkedHashMap<>();
        expectation.put("id", id);
        expectation.put("role", role.wire());
        expectation.put("action", action);
        expectation.put("within", within.toMinutes() + "m");
        expectation.put("objective", objective);
        expectation.putAll(extra);
        return expectation;
    }

    private static void addObjective(List<Map<String, Object>> objectives, Set<String> rated, String id, String text, String capability) {
        if (rated.contains(id)) {
            Map<String, Object> objective = new LinkedHashMap<>();
            objective.put("id", id);
            objective.put("text", text);
            objective.put("capability", capability);
            objectives.add(objective);
        }
    }
}
