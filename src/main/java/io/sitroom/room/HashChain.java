package io.sitroom.room;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sitroom.crypto.Sha256;
import io.sitroom.json.CanonicalJson;

/**
 * The tamper-evident chain: {@code hash = hex(SHA-256(prevHash + canonicalJson(event)))}, where
 * the event's canonical form is the object described in docs/protocol.md ("Hash chain").
 */
public final class HashChain {

    /** Event times on the wire and in the hash: UTC, always with milliseconds. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HashChain() {
    }

    public static String formatTime(Instant at) {
        return TIME.format(at);
    }

    /** The canonical JSON of an event as stored: what its hash covers. */
    public static String canonical(LoggedEvent e) {
        ObjectNode node = NODES.objectNode();
        node.put("roomId", e.roomId.toString());
        node.put("seq", e.seq);
        node.put("at", formatTime(e.at));
        node.put("kind", e.kind);
        if (e.actorId == null) {
            node.putNull("actor");
        } else {
            ObjectNode actor = node.putObject("actor");
            actor.put("userId", e.actorId.toString());
            actor.put("displayName", e.actorName);
            actor.set("roles", names(e.actorRoles));
        }
        if (e.commandId == null) {
            node.putNull("commandId");
        } else {
            node.put("commandId", e.commandId);
        }
        node.set("data", parse(e.data));
        node.set("visibleTo", e.visibleTo == null ? NODES.nullNode() : names(e.visibleTo));
        return CanonicalJson.write(node);
    }

    public static String hash(LoggedEvent e) {
        return Sha256.hex(e.prevHash + canonical(e));
    }

    static JsonNode parse(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (JsonProcessingException e) {
            // A row whose data no longer parses was edited: hash it as text so the chain breaks there.
            return NODES.textNode(json);
        }
    }

    private static ArrayNode names(String commaSeparated) {
        ArrayNode array = NODES.arrayNode();
        if (commaSeparated != null && !commaSeparated.isEmpty()) {
            for (String name : commaSeparated.split(",")) {
                array.add(name);
            }
        }
        return array;
    }
}
