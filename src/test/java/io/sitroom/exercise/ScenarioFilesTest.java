package io.sitroom.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sitroom.exercise.Scenario.Condition;
import io.sitroom.exercise.Scenario.Timing;
import io.sitroom.role.Role;

/** Lints every scenario shipped in scenarios/: a broken scenario fails the build. */
class ScenarioFilesTest {

    private static final Path DIR = Path.of("scenarios");

    private static List<Scenario> shipped() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : ScenarioCatalog.files(DIR)) {
            ScenarioParser.Result parsed = ScenarioParser.parse(file.getFileName().toString(), Files.readString(file));
            assertEquals(List.of(), parsed.errors(), file.toString());
            assertEquals(List.of(), ScenarioLinter.lint(file.getFileName().toString(), parsed), file.toString());
            assertEquals(parsed.scenario().id() + ".yaml", file.getFileName().toString(), "file name is the id");
            scenarios.add(parsed.scenario());
        }
        return scenarios;
    }

    @Test
    void everyShippedScenario_passesTheLinter() throws Exception {
        assertTrue(shipped().size() >= 6, "at least six scenarios ship");
    }

    @Test
    void everyShippedScenario_addressesLegalCommsExecutivesAndEngineering_andBranchesOnADecision() throws Exception {
        for (Scenario s : shipped()) {
            Set<Role> addressed = EnumSet.noneOf(Role.class);
            s.injects().forEach(i -> addressed.addAll(i.to()));
            assertTrue(addressed.containsAll(Set.of(Role.LEGAL, Role.COMMS_APPROVER, Role.EXECUTIVE, Role.CONTAINMENT_LEAD)),
                    s.id() + " addresses " + addressed);
            boolean accepted = s.injects().stream().anyMatch(i -> i.timing() instanceof Timing.When w
                    && w.condition() instanceof Condition.Decision d && d.accepted());
            boolean rejected = s.injects().stream().anyMatch(i -> i.timing() instanceof Timing.When w
                    && w.condition() instanceof Condition.Decision d && !d.accepted());
            assertTrue(accepted && rejected, s.id() + " branches on a decision");
        }
    }
}
