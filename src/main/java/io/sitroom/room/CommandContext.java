package io.sitroom.room;

import java.time.Instant;

/** Everything a decider may consult: the room, who is acting, the time, and the directory of people. */
public record CommandContext(RoomState room, Member actor, Instant now, Directory directory) {
}
