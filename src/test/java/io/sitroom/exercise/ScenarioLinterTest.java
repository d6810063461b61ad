package io.sitroom.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioLinterTest {

    static final String VALID = """
            id: example-phishing
            title: Phishing leads to a mailbox takeover
            summary: The CFO's mailbox sent invoices to customers.
            duration: 1h
            roles: [incident_commander, containment_lead, comms_approver, legal, executive]
            objectives:
              - id: contain
                text: Contain the mailbox within 20 minutes
                capability: Operational Coordination
              - id: inform
                text: Keep executives informed
                capability: Public Information and Warning
            injects:
              - id: report
                title: Service desk report
                at: 0m
                to: [incident_commander, containment_lead]
                body: Three customers forwarded invoices.
                prompts:
                  - Who leads containment?
                facilitatorNotes: Expect a containment lead at once.
                expectations:
                  - id: name-lead
                    role: incident_commander
                    action: assign_role
                    assigns: containment_lead
                    within: 5m
                    objective: contain
              - id: board-asks
                title: The CEO asks
                after: report
                delay: 15m
                to: [executive]
                body: The CEO wants a summary.
                expectations:
                  - id: exec-update
                    role: incident_commander
                    action: post_update
                    within: 15m
                    objective: inform
              - id: reset-decided
                title: Password reset approved
                when: {decision: accepted, titleContains: reset}
                after: report
                to: [containment_lead]
                body: Go ahead.
              - id: escalation
                title: Nobody led containment
                when: {expectationMissed: name-lead}
                to: [incident_commander]
                body: The attacker sent 200 more invoices.
              - id: curveball
                title: A journalist calls
                manual: true
                to: [comms_approver]
                body: A reporter has the invoice.
            debrief:
              - When did the executives first hear about it?
            """;

    private static List<ScenarioError> errors(String yaml) {
        return ScenarioLinter.validate("test.yaml", yaml);
    }

    private static ScenarioError only(String yaml) {
        List<ScenarioError> errors = errors(yaml);
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    @Test
    void validScenario_parsesIntoItsModel_withNoErrors() {
        ScenarioParser.Result parsed = ScenarioParser.parse("test.yaml", VALID);
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of(), ScenarioLinter.lint("test.yaml", parsed));
        Scenario s = parsed.scenario();
        assertEquals(5, s.injects().size());
        assertEquals(new Scenario.Timing.After("report", Duration.ofMinutes(15)), s.injects().get(1).timing());
        assertEquals(new Scenario.Timing.When(new Scenario.Condition.Decision(true, "reset"), "report"), s.injects().get(2).timing());
        assertEquals(io.sitroom.comms.Audience.EXECUTIVE, s.injects().get(1).expectations().get(0).audience());
    }

    @Test
    void notYaml_isReportedWithItsLine() {
        ScenarioError error = only("id: x\ntitle: [unclosed\nsummary: y\n");
        assertNotNull(error.line());
        assertTrue(error.message().startsWith("not valid YAML"), error.message());
    }

    @Test
    void unknownRole_isReportedAtItsLineAndField() {
        ScenarioError error = only(VALID.replace("to: [executive]", "to: [ceo]"));
        assertEquals("injects[1].to[0]", error.path());
        assertEquals(33, error.line());
        assertEquals("unknown role 'ceo'", error.message());
    }

    @Test
    void roleMissingFromTheScenario_isReported() {
        ScenarioError error = only(VALID.replace("to: [comms_approver]", "to: [scribe]"));
        assertEquals("injects[4].to", error.path());
        assertTrue(error.message().contains("scribe is not among the scenario's roles"));
    }

    @Test
    void unknownField_missingField_andBadDuration_areEachReported() {
        assertEquals("injects[0].colour", only(VALID.replace("    prompts:\n", "    colour: red\n    prompts:\n")).path());
        assertEquals("injects[0].title", only(VALID.replace("    title: Service desk report\n", "")).path());
        ScenarioError duration = only(VALID.replace("delay: 15m", "delay: soon"));
        assertEquals("injects[1].delay", duration.path());
        assertTrue(duration.message().contains("not a duration"));
    }

    @Test
    void cycleOfAfters_isReported() {
        String cyclic = VALID.replace("  - id: report\n    title: Service desk report\n    at: 0m",
                "  - id: report\n    title: Service desk report\n    after: board-asks");
        List<ScenarioError> errors = errors(cyclic);
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("cycle")), errors.toString());
    }

    @Test
    void unreachableInject_afterAnUnknownInject_orOnAnUnknownExpectation_isReported() {
        assertEquals("injects[1].after", only(VALID.replace("after: report\n    delay", "after: nowhere\n    delay")).path());
        ScenarioError unreachable = only(VALID.replace("expectationMissed: name-lead", "expectationMissed: nobody"));
        assertTrue(unreachable.message().contains("unreachable"), unreachable.message());
    }

    @Test
    void expectationNoRolePresentCanMeet_isReported() {
        ScenarioError error = only(VALID.replace("role: incident_commander\n        action: post_update",
                "role: executive\n        action: post_update"));
        assertEquals("injects[1].expectations[0].role", error.path());
        assertTrue(error.message().contains("only"), error.message());
    }

    @Test
    void objectiveWithoutExpectation_andUnknownObjective_areReported() {
        List<ScenarioError> errors = errors(VALID.replace("objective: inform", "objective: nothing"));
        assertEquals(2, errors.size(), errors.toString());
    }

    @Test
    void duplicateIds_areReported() {
        ScenarioError error = only(VALID.replace("id: board-asks", "id: report").replace("after: report\n    delay", "at: 15m\n    delay")
                .replace("    delay: 15m\n", ""));
        assertTrue(error.message().contains("used twice"), error.message());
    }
}
