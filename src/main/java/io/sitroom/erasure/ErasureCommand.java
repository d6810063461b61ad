package io.sitroom.erasure;

import io.sitroom.error.SitroomException;
import io.sitroom.room.Command;
import io.sitroom.room.Fields;

/** Erasure and legal hold, as legal issues them in a room (the admin's decision comes over REST). */
public sealed interface ErasureCommand extends Command {

    int MAX_REASON = 1_000;

    /** Asks for the content of event {@code seq} to be erased, for {@code reason} (a legal basis, a request's reference). */
    record Request(long seq, String reason) implements ErasureCommand {
        public Request {
            if (seq < 1) {
                throw SitroomException.invalid("seq must be the seq of an event of this room");
            }
            reason = Fields.text(reason, "reason", MAX_REASON);
        }
    }

    record PlaceHold(String reason) implements ErasureCommand {
        public PlaceHold {
            reason = Fields.text(reason, "reason", MAX_REASON);
        }
    }

    record ReleaseHold(String reason) implements ErasureCommand {
        public ReleaseHold {
            reason = Fields.text(reason, "reason", MAX_REASON);
        }
    }
}
