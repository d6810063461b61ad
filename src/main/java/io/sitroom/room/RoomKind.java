package io.sitroom.room;

/** What a room coordinates: a real incident or a tabletop exercise. */
public enum RoomKind {
    INCIDENT,
    EXERCISE
}
