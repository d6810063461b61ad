package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

class AdmissionTest {

    private static final Admission.Source NOTE = new Admission.Source.Command(CoreRoomFeature.ADD_NOTE);
    private static final Admission.Source PHASE = new Admission.Source.Command(CoreRoomFeature.CHANGE_PHASE);
    private static final Admission.Source TIMER = new Admission.Source.Server("timer");

    @Test
    void anOpenRoom_admitsEverything() {
        for (Taxonomy.Stage stage : Taxonomy.defaults().phases()) {
            Phase phase = stage.id();
            if (!phase.isClosed()) {
                assertTrue(Admission.admits(phase, NOTE) && Admission.admits(phase, PHASE) && Admission.admits(phase, TIMER), phase.wire());
            }
        }
    }

    @Test
    void aClosedRoom_admitsOnlyWhatReopensIt() {
        assertTrue(Admission.admits(Phase.CLOSED, PHASE));
        assertFalse(Admission.admits(Phase.CLOSED, NOTE));
        assertFalse(Admission.admits(Phase.CLOSED, TIMER), "timers wait for the room to reopen");
        assertFalse(Admission.admits(Phase.CLOSED, new Admission.Source.Server("invitation join")));
    }

    @Test
    void require_refusesWithConflict_whenClosed() {
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class, () -> Admission.require(Phase.CLOSED, NOTE)).code());
    }
}
