package io.sitroom.room;

import io.sitroom.error.SitroomException;

/**
 * What a room still accepts. An open room accepts everything its authority and deciders allow; a
 * closed room only the commands that reopen it: no command, timer, invitation join, alert or
 * reaction appends to it until then. Pure; applied by {@link RoomWriter} to every path that appends.
 */
public final class Admission {

    static final String CLOSED = "the room is closed; the incident commander can reopen it by changing its phase";

    private Admission() {
    }

    /** Who wants to append: a command of a type, or the server by itself. */
    public sealed interface Source {

        boolean admittedWhenClosed();

        record Command(CommandType<?> type) implements Source {
            @Override
            public boolean admittedWhenClosed() {
                return type.admittedWhenClosed();
            }
        }

        /** The server by itself: a timer, an invitation join, an alert, a room being opened. */
        record Server(String what) implements Source {
            @Override
            public boolean admittedWhenClosed() {
                return false;
            }
        }
    }

    public static boolean admits(Phase phase, Source source) {
        return !phase.isClosed() || source.admittedWhenClosed();
    }

    /** Refuses with {@code conflict} what the room does not accept in its phase. */
    public static void require(Phase phase, Source source) {
        if (!admits(phase, source)) {
            throw SitroomException.conflict(CLOSED);
        }
    }
}
