package io.sitroom.playbook;

import static io.sitroom.room.DeciderFixtures.IC;
import static io.sitroom.room.DeciderFixtures.LEGAL;
import static io.sitroom.room.DeciderFixtures.NOW;
import static io.sitroom.room.DeciderFixtures.OBSERVER;
import static io.sitroom.room.DeciderFixtures.OUTSIDER;
import static io.sitroom.room.DeciderFixtures.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.playbook.PlaybookEvent.FieldSpec;
import io.sitroom.role.Role;
import io.sitroom.room.CommandContext;
import io.sitroom.room.NewEvent;
import io.sitroom.room.Severity;

class PlaybookDeciderTest {

    private static final String TINY = """
            id: tiny
            version: 3
            title: Tiny
            description: A test type
            severity: SEV2
            roles: [incident_commander, legal]
            cadence: {SEV2: 20m}
            fields:
              - {id: hosts, label: Hosts, type: number}
            checklist:
              detection:
                - {id: declare, text: Declare, owner: incident_commander, due: 15m}
              containment:
                - {id: notify, text: Notify, owner: legal, decision: true}
            """;

    private static final ItemState OPEN_LEGAL = new ItemState("notify", "Notify", Role.LEGAL, null, NOW.minusSeconds(60),
            ChecklistStatus.OPEN, false);

    private static ErrorCode refusal(Runnable decision) {
        return assertThrows(SitroomException.class, decision::run).code();
    }

    private static CommandContext as(java.util.UUID actor, io.sitroom.room.CommandType<?> type) {
        return type.authorize(incident().as(actor));
    }

    private static PlaybookCatalog.Entry tiny() {
        PlaybookParser.Result parsed = PlaybookParser.parse("tiny.yaml", TINY);
        return new PlaybookCatalog.Entry(parsed.playbook(), parsed.sha256(), TINY);
    }

    @Test
    void apply_recordsTheFileAndItsChecklist_dueFromNow_once() {
        List<NewEvent> events = PlaybookDecider.apply("tiny", tiny(), null, NOW);
        var applied = (PlaybookEvent.Applied) events.get(0).payload();
        assertEquals(3, applied.version());
        assertEquals(64, applied.sha256().length());
        assertEquals(20L, applied.cadenceMinutes().get(Severity.SEV2));
        assertEquals(NOW.plus(Duration.ofMinutes(15)), applied.items().get(0).dueAt());
        assertEquals(null, applied.items().get(1).dueAt());
        assertTrue(applied.items().get(1).decision());
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> PlaybookDecider.apply("nope", null, null, NOW)));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> PlaybookDecider.apply("tiny", tiny(), "ddos", NOW)));
    }

    @Test
    void check_isForTheOwnerRole_theAssignee_orTheLead_andSaysWhenLate() {
        var check = new PlaybookCommand.Check("notify", "sent");
        var byLegal = (PlaybookEvent.Checked) PlaybookDecider.check(check, as(LEGAL, PlaybookFeature.CHECK), OPEN_LEGAL).get(0).payload();
        assertTrue(byLegal.late());
        assertEquals(1, PlaybookDecider.check(check, as(IC, PlaybookFeature.CHECK), OPEN_LEGAL).size());
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> PlaybookDecider.check(check, as(OBSERVER, PlaybookFeature.CHECK), OPEN_LEGAL)));
        var assignedToObserver = new ItemState("notify", "Notify", Role.LEGAL, OBSERVER, null, ChecklistStatus.OPEN, false);
        var onTime = (PlaybookEvent.Checked) PlaybookDecider.check(check, as(OBSERVER, PlaybookFeature.CHECK), assignedToObserver).get(0)
                .payload();
        assertFalse(onTime.late());
        var done = new ItemState("notify", "Notify", Role.LEGAL, null, null, ChecklistStatus.DONE, false);
        assertEquals(ErrorCode.CONFLICT, refusal(() -> PlaybookDecider.check(check, as(IC, PlaybookFeature.CHECK), done)));
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> PlaybookDecider.check(check, as(IC, PlaybookFeature.CHECK), null)));
    }

    @Test
    void skip_needsAReason_andAnOpenItem_uncheckReopens() {
        assertEquals(ErrorCode.INVALID, refusal(() -> new PlaybookCommand.Skip("notify", " ")));
        var skipped = (PlaybookEvent.Skipped) PlaybookDecider.skip(new PlaybookCommand.Skip("notify", "no personal data"),
                as(LEGAL, PlaybookFeature.SKIP), OPEN_LEGAL).get(0).payload();
        assertEquals("no personal data", skipped.reason());
        var skippedState = new ItemState("notify", "Notify", Role.LEGAL, null, null, ChecklistStatus.SKIPPED, false);
        assertEquals(ErrorCode.CONFLICT, refusal(() -> PlaybookDecider.skip(new PlaybookCommand.Skip("notify", "again"),
                as(LEGAL, PlaybookFeature.SKIP), skippedState)));
        assertEquals(1, PlaybookDecider.uncheck(as(LEGAL, PlaybookFeature.UNCHECK), skippedState).size());
        assertEquals(ErrorCode.CONFLICT, refusal(() -> PlaybookDecider.uncheck(as(LEGAL, PlaybookFeature.UNCHECK), OPEN_LEGAL)));
    }

    @Test
    void assign_namesAMember_andIsTheLeadsCall() {
        var assigned = (PlaybookEvent.Assigned) PlaybookDecider.assign(new PlaybookCommand.Assign("notify", LEGAL),
                as(IC, PlaybookFeature.ASSIGN), OPEN_LEGAL).get(0).payload();
        assertEquals("Lea Legal", assigned.assigneeName());
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> PlaybookDecider.assign(new PlaybookCommand.Assign("notify", OUTSIDER),
                as(IC, PlaybookFeature.ASSIGN), OPEN_LEGAL)));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> as(LEGAL, PlaybookFeature.ASSIGN)));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> PlaybookDecider.assign(new PlaybookCommand.Assign("notify", null),
                as(IC, PlaybookFeature.ASSIGN), OPEN_LEGAL)));
    }

    @Test
    void overdue_firesOnceForOpenItems_pastTheirDueTime() {
        assertEquals(1, PlaybookDecider.overdue(OPEN_LEGAL, NOW).size());
        assertEquals(0, PlaybookDecider.overdue(new ItemState("n", "N", Role.LEGAL, null, NOW, ChecklistStatus.OPEN, true), NOW).size());
        assertEquals(0, PlaybookDecider.overdue(new ItemState("n", "N", Role.LEGAL, null, NOW, ChecklistStatus.DONE, false), NOW).size());
        assertEquals(0, PlaybookDecider.overdue(new ItemState("n", "N", Role.LEGAL, null, NOW.plusSeconds(1), ChecklistStatus.OPEN, false),
                NOW).size());
    }

    @Test
    void setField_checksValuesAgainstTheFieldsType() {
        var number = new FieldSpec("hosts", "Hosts", FieldType.NUMBER, List.of(), false);
        var set = (PlaybookEvent.FieldSet) PlaybookDecider.setField(new PlaybookCommand.SetField("hosts", List.of("12.50")),
                as(IC, PlaybookFeature.SET_FIELD), number).get(0).payload();
        assertEquals(List.of("12.5"), set.values());
        assertEquals(ErrorCode.INVALID, refusal(() -> PlaybookDecider.setField(new PlaybookCommand.SetField("hosts", List.of("many")),
                as(IC, PlaybookFeature.SET_FIELD), number)));
        var multi = new FieldSpec("units", "Units", FieldType.MULTI_SELECT, List.of("a", "b"), false);
        assertEquals("a, b", ((PlaybookEvent.FieldSet) PlaybookDecider.setField(new PlaybookCommand.SetField("units", List.of("a", "b")),
                as(IC, PlaybookFeature.SET_FIELD), multi).get(0).payload()).display());
        assertEquals(ErrorCode.INVALID, refusal(() -> PlaybookDecider.setField(new PlaybookCommand.SetField("units", List.of("c")),
                as(IC, PlaybookFeature.SET_FIELD), multi)));
        var user = new FieldSpec("lead", "Lead", FieldType.USER, List.of(), false);
        assertEquals("Lea Legal", ((PlaybookEvent.FieldSet) PlaybookDecider.setField(new PlaybookCommand.SetField("lead",
                List.of(LEGAL.toString())), as(IC, PlaybookFeature.SET_FIELD), user).get(0).payload()).display());
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> PlaybookDecider.setField(new PlaybookCommand.SetField("lead",
                List.of(OUTSIDER.toString())), as(IC, PlaybookFeature.SET_FIELD), user)));
        var date = new FieldSpec("on", "On", FieldType.DATE, List.of(), false);
        assertEquals(ErrorCode.INVALID, refusal(() -> PlaybookDecider.setField(new PlaybookCommand.SetField("on", List.of("1 May")),
                as(IC, PlaybookFeature.SET_FIELD), date)));
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> PlaybookDecider.setField(new PlaybookCommand.SetField("x", List.of("1")),
                as(IC, PlaybookFeature.SET_FIELD), null)));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> as(OBSERVER, PlaybookFeature.SET_FIELD)));
    }
}
