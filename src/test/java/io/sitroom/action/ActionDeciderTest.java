package io.sitroom.action;

import static io.sitroom.room.DeciderFixtures.IC;
import static io.sitroom.room.DeciderFixtures.LEGAL;
import static io.sitroom.room.DeciderFixtures.NOW;
import static io.sitroom.room.DeciderFixtures.OBSERVER;
import static io.sitroom.room.DeciderFixtures.OUTSIDER;
import static io.sitroom.room.DeciderFixtures.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

class ActionDeciderTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private static ErrorCode refusal(Runnable decision) {
        return assertThrows(SitroomException.class, decision::run).code();
    }

    @Test
    void riskScore_ranksHighLikelihoodImpactExposure_andLowEffort_first() {
        assertEquals(625, new ActionCommand.Risk(5, 5, 5, 1).score());
        assertEquals(1, new ActionCommand.Risk(1, 1, 1, 5).score());
        assertEquals(ErrorCode.INVALID, refusal(() -> new ActionCommand.Risk(6, 1, 1, 1)));
    }

    @Test
    void create_namesTheOwner_andRefusesStrangersAndPastDueTimes() {
        var create = new ActionCommand.Create("Rotate keys", LEGAL, null, NOW.plus(Duration.ofHours(1)), null, null);
        var created = (ActionEvent.Created) ActionDecider.create(create, incident().as(IC), A, false).get(0).payload();
        assertEquals("Lea Legal", created.ownerName());
        assertEquals(ErrorCode.NOT_FOUND, refusal(() -> ActionDecider.create(
                new ActionCommand.Create("x", OUTSIDER, null, null, null, null), incident().as(IC), A, false)));
        assertEquals(ErrorCode.INVALID, refusal(() -> ActionDecider.create(
                new ActionCommand.Create("x", null, null, NOW, null, null), incident().as(IC), A, false)));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> ActionDecider.create(
                new ActionCommand.Create("x", null, null, null, null, null), ActionFeature.CREATE.authorize(incident().as(OBSERVER)), A, false)));
    }

    @Test
    void update_isForTheOwner_aHolderOfTheOwningRole_orTheIc() {
        var owned = new ActionState(A, "t", null, Role.LEGAL, null, ActionStatus.OPEN, false);
        var update = new ActionCommand.Update(A, ActionStatus.DONE, null);
        assertEquals(1, ActionDecider.update(update, ActionFeature.UPDATE.authorize(incident().as(LEGAL)), owned).size());
        assertEquals(1, ActionDecider.update(update, ActionFeature.UPDATE.authorize(incident().as(IC)), owned).size());
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> ActionDecider.update(update, ActionFeature.UPDATE.authorize(incident().as(OBSERVER)),
                owned)));
        assertEquals(ErrorCode.CONFLICT, refusal(() -> ActionDecider.update(new ActionCommand.Update(A, ActionStatus.OPEN, null),
                ActionFeature.UPDATE.authorize(incident().as(IC)), owned)));
    }

    @Test
    void overdue_firesOnceForOpenActions_pastTheirDueTime() {
        var open = new ActionState(A, "t", null, null, NOW, ActionStatus.IN_PROGRESS, false);
        assertEquals(1, ActionDecider.overdue(open, NOW).size());
        assertEquals(0, ActionDecider.overdue(new ActionState(A, "t", null, null, NOW, ActionStatus.IN_PROGRESS, true), NOW).size());
        assertEquals(0, ActionDecider.overdue(new ActionState(A, "t", null, null, NOW, ActionStatus.DONE, false), NOW).size());
    }
}
