package io.sitroom.room;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.sitroom.error.ApiError;
import io.sitroom.error.SitroomException;

/**
 * The outcome of one command, as the {@code result} frame and the REST answer carry it: accepted
 * with the seq of its first event (and of its last, when it appended several), or refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResult(String type, String commandId, boolean ok, Long seq, Long lastSeq, ApiError error) {

    public static CommandResult accepted(String commandId, long firstSeq, long lastSeq) {
        return new CommandResult("result", commandId, true, firstSeq, lastSeq == firstSeq ? null : lastSeq, null);
    }

    public static CommandResult refused(String commandId, SitroomException e) {
        return new CommandResult("result", commandId, false, null, null, e.toApiError());
    }
}
