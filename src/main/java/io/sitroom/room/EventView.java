package io.sitroom.room;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event as clients see it: the {@code event} frame of the protocol, and the items of the REST event list.
 * {@code erased} is true, and {@code data} absent, for an event whose content was erased; else absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(String type, UUID roomId, long seq, String at, String kind, ActorView actor, String commandId,
        JsonNode data, List<String> visibleTo, String hash, Boolean erased) {

    public record ActorView(UUID userId, String displayName, List<String> roles) {
    }

    /** Reads JSON that a projection keeps as the event stored it (a status update's fields, say). */
    public static JsonNode parseData(String data) {
        return HashChain.parse(data);
    }
}
