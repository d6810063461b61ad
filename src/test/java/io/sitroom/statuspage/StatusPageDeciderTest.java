package io.sitroom.statuspage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.room.DeciderFixtures;
import io.sitroom.room.NewEvent;
import io.sitroom.room.RoomKind;

class StatusPageDeciderTest {

    private static final StatusPageCommand.MakePublic PUBLIC = new StatusPageCommand.MakePublic();
    private static final StatusPageCommand.MakePrivate PRIVATE = new StatusPageCommand.MakePrivate();

    @Test
    void makePublic_appendsMadePublic_forEveryone_whenAnIncidentIsPrivate() {
        List<NewEvent> events = StatusPageDecider.makePublic(PUBLIC, DeciderFixtures.incident().as(DeciderFixtures.IC), false);
        assertEquals(List.of(NewEvent.forEveryone(new StatusPageEvent.MadePublic())), events);
    }

    @Test
    void makePublic_isInvalid_inAnExercise() {
        SitroomException e = assertThrows(SitroomException.class, () -> StatusPageDecider.makePublic(PUBLIC,
                DeciderFixtures.incident().kind(RoomKind.EXERCISE).as(DeciderFixtures.IC), false));
        assertEquals(ErrorCode.INVALID, e.code());
        assertEquals("an exercise never appears on the public status page", e.getMessage());
    }

    @Test
    void makePublic_isAConflict_whenAlreadyPublic() {
        SitroomException e = assertThrows(SitroomException.class,
                () -> StatusPageDecider.makePublic(PUBLIC, DeciderFixtures.incident().as(DeciderFixtures.IC), true));
        assertEquals(ErrorCode.CONFLICT, e.code());
    }

    @Test
    void makePrivate_appendsMadePrivate_whenPublic_andIsAConflictOtherwise() {
        assertEquals(List.of(NewEvent.forEveryone(new StatusPageEvent.MadePrivate())),
                StatusPageDecider.makePrivate(PRIVATE, DeciderFixtures.incident().as(DeciderFixtures.IC), true));
        SitroomException e = assertThrows(SitroomException.class,
                () -> StatusPageDecider.makePrivate(PRIVATE, DeciderFixtures.incident().as(DeciderFixtures.IC), false));
        assertEquals(ErrorCode.CONFLICT, e.code());
    }
}
