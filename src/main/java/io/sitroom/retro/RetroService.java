package io.sitroom.retro;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.error.SitroomException;
import io.sitroom.exercise.ScenarioError;
import io.sitroom.exercise.ScenarioLinter;
import io.sitroom.room.EventPage;
import io.sitroom.room.EventView;
import io.sitroom.room.Phase;
import io.sitroom.room.Room;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomService;

/** Retrospective views of a room's log. */
@ApplicationScoped
public class RetroService {

    private final RoomService rooms;

    public RetroService(RoomService rooms) {
        this.rooms = rooms;
    }

    /** A closed incident as a scenario file (YAML), from the events the caller may see. */
    @Transactional
    public String asScenario(UUID roomId, UUID userId) {
        rooms.requireMember(roomId, userId);
        Room room = Room.findById(roomId);
        if (room.kind != RoomKind.INCIDENT || room.phase != Phase.CLOSED) {
            throw SitroomException.conflict("only a closed incident can become a scenario");
        }
        List<EventView> events = new ArrayList<>();
        long since = 0;
        EventPage page;
        do {
            page = rooms.events(roomId, userId, since, RoomService.MAX_PAGE);
            events.addAll(page.events().stream().filter(e -> e.visibleTo() == null).toList());
            since = page.nextSince();
        } while (page.hasMore());
        String yaml = IncidentToScenario.build(roomId, room.title, room.createdAt, events);
        List<ScenarioError> errors = ScenarioLinter.validate("as-scenario.yaml", yaml);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the scenario made from room " + roomId + " does not pass the linter: " + errors);
        }
        return yaml;
    }
}
