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

    /**
     * A scenario of {@code count} injects, each after the one before (the first at 0m), in the compact
     * form an upload of the largest allowed size would use; {@code firstAfter}, when set, chains the
     * first inject too.
     */
    static String chain(int count, String firstAfter) {
        StringBuilder yaml = new StringBuilder("""
                id: long-chain
                title: A long chain
                summary: Every inject follows the one before.
                roles: [executive]
                objectives:
                  - {id: o, text: Answer, capability: Operational Coordination}
                injects:
                """);
        for (int i = 0; i < count; i++) {
            String timing = i > 0 ? "after: i" + (i - 1) : firstAfter != null ? "after: " + firstAfter : "at: 0m";
            yaml.append("  - {id: i").append(i).append(", title: t, body: b, to: [executive], ").append(timing);
            yaml.append(i == 0 ? ", expectations: [{id: e, role: executive, action: acknowledge, within: 5m, objective: o}]}\n" : "}\n");
        }
        return yaml.toString();
    }

    @Test
    void longChainOfAfters_isValid() {
        String yaml = chain(15_000, null);
        assertTrue(yaml.length() < ScenarioParser.MAX_CHARS, "the scenario fits an upload: " + yaml.length());
        // Followed inject by inject from each inject, this chain took seconds of CPU; each link is now walked once.
        assertEquals(List.of(), errors(yaml));
    }

    @Test
    void longChainClosedIntoACycle_isReportedAtEveryInjectOnIt() {
        List<ScenarioError> errors = errors(chain(15_000, "i14999"));
        assertEquals(15_000, errors.size());
        assertTrue(errors.stream().allMatch(e -> e.message().contains("part of a cycle")), errors.get(0).toString());
        assertEquals("injects[0].after", errors.get(0).path());
        assertEquals("injects[14999].after", errors.get(14_999).path());
    }

    @Test
    void injectsLeadingIntoACycle_areReportedUnreachable_andTheCycleAsACycle() {
        String yaml = VALID.replace("  - id: report\n    title: Service desk report\n    at: 0m",
                "  - id: report\n    title: Service desk report\n    after: board-asks");
        List<ScenarioError> errors = errors(yaml);
        // report and board-asks follow each other; reset-decided waits for report, so for the cycle.
        assertEquals(List.of("injects[0].after", "injects[1].after", "injects[2].after"), errors.stream().map(ScenarioError::path).toList());
        assertTrue(errors.get(0).message().contains("part of a cycle"), errors.toString());
        assertTrue(errors.get(1).message().contains("part of a cycle"), errors.toString());
        assertTrue(errors.get(2).message().contains("leads into a cycle"), errors.toString());
    }

    @Test
    void chainEndingAtAnUnknownInject_isReportedOnceWhereNamed_andUnreachableAfterIt() {
        List<ScenarioError> errors = errors(chain(5, "nowhere"));
        assertEquals("injects[0].after", errors.get(0).path());
        assertTrue(errors.get(0).message().contains("names no inject"), errors.toString());
        assertEquals(5, errors.size(), errors.toString());
        assertTrue(errors.subList(1, 5).stream().allMatch(e -> e.message().contains("leads to the unknown inject 'nowhere'")), errors.toString());
    }
}
