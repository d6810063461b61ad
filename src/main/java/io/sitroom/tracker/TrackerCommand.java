package io.sitroom.tracker;

import java.util.UUID;

import io.sitroom.room.Command;
import io.sitroom.room.Fields;

/** Room commands of the follow-up sync. */
public sealed interface TrackerCommand extends Command {

    /** Asks for the action to be linked to a new issue in the tracker. */
    record Track(UUID actionId, UUID trackerId) implements TrackerCommand {
        public Track {
            Fields.required(actionId, "actionId");
            Fields.required(trackerId, "trackerId");
        }
    }
}
