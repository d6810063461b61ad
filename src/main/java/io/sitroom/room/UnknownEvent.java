package io.sitroom.room;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event this version cannot read as one of its records: a kind it does not know (written by a
 * newer version), or data that no longer fits the record of its kind. Readers skip it; the chain,
 * exports and clients still carry it as it was stored.
 */
public record UnknownEvent(String kind, JsonNode data) implements EventPayload {
}
