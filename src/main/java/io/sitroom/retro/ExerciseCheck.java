package io.sitroom.retro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.sitroom.crypto.Sha256;
import io.sitroom.exercise.ExerciseEvent;
import io.sitroom.exercise.ExerciseFold;
import io.sitroom.exercise.ExerciseView;
import io.sitroom.exercise.Scenario;
import io.sitroom.exercise.ScenarioParser;
import io.sitroom.metrics.MetricsFold;
import io.sitroom.metrics.MetricsTally;
import io.sitroom.metrics.RoomMetrics;
import io.sitroom.role.Role;
import io.sitroom.room.EventPayload;
import io.sitroom.room.EventTypes;
import io.sitroom.room.Phase;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomKind;
import io.sitroom.room.Viewer;
import io.sitroom.verify.ExerciseDerivation;

/**
 * The exercise of a verified export, played again: its events up to the snapshot, on the scenario the export carries
 * (which must be the text whose digest the room's {@code room.created} records), through the server's own fold of
 * the play ({@link ExerciseFold}), view ({@link ExerciseView#of}) and metrics fold ({@link MetricsFold}). Found by the
 * offline verifier through {@link java.util.ServiceLoader}.
 */
public final class ExerciseCheck implements ExerciseDerivation {

    /** Configured as the server's own mapper is by Quarkus: the modules on the class path. */
    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
    private final EventTypes events = new EventTypes(List.of(RoomEvent.class, ExerciseEvent.class), mapper);

    @Override
    public Optional<Derived> derive(String exportJson, long headSeq, Instant asOf) {
        JsonNode root;
        try {
            root = mapper.readTree(exportJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON");
        }
        List<ExerciseFold.Step> steps = steps(root.path("chain").path("events"));
        RoomEvent.RoomCreated created = steps.stream().map(ExerciseFold.Step::payload).filter(RoomEvent.RoomCreated.class::isInstance)
                .map(RoomEvent.RoomCreated.class::cast).findFirst().orElse(null);
        if (created == null || created.roomKind() != RoomKind.EXERCISE || created.scenario() == null) {
            return Optional.empty();
        }
        // The snapshot is of its seq; the metrics, as the server reads them, of every event.
        List<ExerciseFold.Step> toSnapshot = steps.stream().filter(step -> step.seq() <= headSeq).toList();
        JsonNode script = root.path("scenario");
        if (!script.isObject()) {
            // A player's export: no script, the exercise as far as the player's events show it; its score is not theirs to derive.
            Viewer player = exporter(root);
            Scenario seen = ExerciseFold.seenByPlayer(created.scenarioId(), created.scenario(), toSnapshot);
            return Optional.of(new Derived(plain(ExerciseView.of(ExerciseFold.of(toSnapshot, seen), seen, player, asOf)), null));
        }
        String text = script.path("text").asText(null);
        if (text == null || !created.scenario().sha256().equals(Sha256.hex(text))) {
            throw new IllegalArgumentException("scenario.text is not the scenario the room plays (room.created records sha256 "
                    + created.scenario().sha256() + ")");
        }
        ScenarioParser.Result parsed = ScenarioParser.parse(created.scenarioId() + ".yaml", text);
        if (parsed.scenario() == null) {
            throw new IllegalArgumentException("scenario.text does not parse: " + parsed.errors());
        }
        Scenario stored = parsed.scenario();
        ExerciseView view;
        MetricsTally tally = MetricsTally.EMPTY;
        try {
            view = ExerciseView.of(ExerciseFold.of(toSnapshot, stored), stored, new Viewer(new UUID(0, 0), Set.of(Role.FACILITATOR),
                    Role.FACILITATOR), asOf);
            ScoreFacts facts = new ScoreFacts(stored);
            for (ExerciseFold.Step step : steps) {
                if (step.payload() instanceof ExerciseEvent && MetricsFold.concerns(step.payload())) {
                    tally = MetricsFold.apply(tally, step.seq(), step.at(), step.payload(), facts);
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("its events do not play on its scenario as the server plays them (" + e + ")");
        }
        Instant openedAt = steps.get(0).at();
        RoomMetrics metrics = RoomMetrics.of(new RoomMetrics.RoomInfo(null, RoomKind.EXERCISE, created.title(), created.severity(),
                created.phase(), openedAt), tally, new RoomMetrics.OpenExceptions(0, null), asOf == null ? openedAt : asOf);
        return Optional.of(new Derived(plain(view), plain(metrics.exerciseScore())));
    }

    /** Who exported the file, with the roles the file's members list gives them (proven from the events before this runs). */
    private static Viewer exporter(JsonNode root) {
        String userId = root.path("exportedBy").path("userId").asText();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode member : root.path("room").path("members")) {
            if (member.path("userId").asText().equals(userId)) {
                member.path("roles").forEach(role -> roles.add(Role.of(role.asText())));
            }
        }
        try {
            return new Viewer(UUID.fromString(userId), roles, Role.FACILITATOR);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("exportedBy.userId is not a user id");
        }
    }

    private Object plain(Object value) {
        return value == null ? null : mapper.convertValue(value, Object.class);
    }

    /** The events the file shows in full, decoded as the server decodes them; redacted and erased ones are not. */
    private List<ExerciseFold.Step> steps(JsonNode chainEvents) {
        List<ExerciseFold.Step> steps = new ArrayList<>();
        for (JsonNode e : chainEvents) {
            long seq = e.path("seq").asLong();
            if (!e.hasNonNull("kind") || !e.hasNonNull("data")) {
                continue;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            e.path("actor").path("roles").forEach(role -> roles.add(Role.of(role.asText())));
            EventPayload payload = events.decode(e.path("kind").asText(), e.path("data"));
            steps.add(new ExerciseFold.Step(seq, Instant.parse(e.path("at").asText()), roles, payload));
        }
        return steps;
    }

    /** What the metrics fold asks of an exercise's events: how many expectations an inject of the scenario starts. */
    private record ScoreFacts(Scenario stored) implements MetricsFold.Facts {

        @Override
        public int expectationsOf(String injectId) {
            return stored.inject(injectId).map(inject -> inject.expectations().size()).orElse(0);
        }

        @Override
        public boolean contained(Phase phase) {
            throw new IllegalStateException("not an exercise's question");
        }

        @Override
        public Instant ackRequestedAt(UUID ackId) {
            throw new IllegalStateException("not an exercise's question");
        }

        @Override
        public Instant decisionProposedAt(UUID decisionId) {
            throw new IllegalStateException("not an exercise's question");
        }

        @Override
        public MetricsFold.Action action(UUID actionId) {
            throw new IllegalStateException("not an exercise's question");
        }

        @Override
        public Instant lastDoneAt(UUID actionId, long beforeSeq) {
            throw new IllegalStateException("not an exercise's question");
        }
    }
}
