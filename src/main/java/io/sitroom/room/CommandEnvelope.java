package io.sitroom.room;

import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.error.SitroomException;

/** A command as it arrives over either transport: the client's id for it, its name, and its raw data. */
public record CommandEnvelope(String commandId, String name, JsonNode data) {

    public static final int MAX_COMMAND_ID_LENGTH = 64;

    public CommandEnvelope {
        if (commandId == null || commandId.isEmpty()) {
            throw SitroomException.invalid("commandId is required");
        }
        if (commandId.length() > MAX_COMMAND_ID_LENGTH) {
            throw SitroomException.invalid("commandId is longer than " + MAX_COMMAND_ID_LENGTH + " characters");
        }
        if (name == null || name.isEmpty()) {
            throw SitroomException.invalid("name is required");
        }
        if (data != null && !data.isNull() && !data.isObject()) {
            throw SitroomException.invalid("data must be a JSON object");
        }
    }
}
