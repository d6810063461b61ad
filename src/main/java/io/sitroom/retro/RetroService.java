package io.sitroom.retro;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.error.SitroomException;
import io.sitroom.exercise.ScenarioError;
import io.sitroom.exercise.ScenarioLinter;
import io.sitroom.room.EventLog;
import io.sitroom.room.Phase;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomService;

/** Retrospective views of a room's log. */
@ApplicationScoped
public class RetroService {

    private final RoomService rooms;
    private final EventLog log;

    public RetroService(RoomService rooms, EventLog log) {
        this.rooms = rooms;
        this.log = log;
    }

    /** A closed incident as a scenario file (YAML), from the events the caller may see. */
    @Transactional
    public String asScenario(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        Room room = Room.findById(roomId);
        if (room.kind != RoomKind.INCIDENT || !room.phase.isClosed()) {
            throw SitroomException.conflict("only a closed incident can become a scenario");
        }
        // Only what everyone in the room saw becomes part of an exercise anyone may play.
        List<RecordedEvent> events = log.all(roomId).stream().filter(RecordedEvent::forEveryone).toList();
        String yaml = IncidentToScenario.build(roomId, room.title, room.createdAt, events);
        List<ScenarioError> errors = ScenarioLinter.validate("as-scenario.yaml", yaml);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the scenario made from room " + roomId + " does not pass the linter: " + errors);
        }
        return yaml;
    }
}
