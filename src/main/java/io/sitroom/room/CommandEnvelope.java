package io.sitroom.room;

import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.error.SitroomException;

/**
 * A command as it arrives over either transport: the client's id for it, its name, and its raw data.
 * A command id is 1 to 64 of {@code A-Z a-z 0-9 . _ : -}: it is stored, echoed and logged, and so must
 * not carry line breaks, control characters or markup.
 */
public record CommandEnvelope(String commandId, String name, JsonNode data) {

    public static final int MAX_COMMAND_ID_LENGTH = 64;
    private static final java.util.regex.Pattern COMMAND_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public CommandEnvelope {
        if (commandId == null || commandId.isEmpty()) {
            throw SitroomException.invalid("commandId is required");
        }
        if (commandId.length() > MAX_COMMAND_ID_LENGTH) {
            throw SitroomException.invalid("commandId is longer than " + MAX_COMMAND_ID_LENGTH + " characters");
        }
        if (!isValidId(commandId)) {
            throw SitroomException.invalid("commandId may hold only letters, digits and . _ : -");
        }
        if (name == null || name.isEmpty()) {
            throw SitroomException.invalid("name is required");
        }
        if (data != null && !data.isNull() && !data.isObject()) {
            throw SitroomException.invalid("data must be a JSON object");
        }
    }

    /** Whether a client's command id has the allowed form. */
    public static boolean isValidId(String commandId) {
        return commandId != null && COMMAND_ID.matcher(commandId).matches();
    }
}
