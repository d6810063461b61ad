package io.sitroom.room;

import java.util.UUID;

/**
 * Told, inside the transaction that appended to a room's log, the seq the log has grown to; once
 * per transaction. Lets other nodes learn of the append when (and only if) the transaction commits.
 */
public interface AppendSignal {

    void appended(UUID roomId, long headSeq);
}
