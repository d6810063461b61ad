package io.sitroom.room;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.sitroom.chain.ChainEvent;
import io.sitroom.clock.WireTime;
import io.sitroom.json.CanonicalJson;

/**
 * The tamper-evident chain for log rows: {@code hash = hex(SHA-256(prevHash + canonicalJson(event)))}, where
 * the event's canonical form is the object described in docs/protocol.md ("Hash chain"): in chain version 2
 * it holds a salted commitment to the data instead of the data (see {@link ChainEvent}). The rules
 * themselves live in {@link ChainEvent} and {@link io.sitroom.chain.ChainHash}, which the offline
 * verifier shares; this class only reads a row into them.
 */
public final class HashChain {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HashChain() {
    }

    /** Event times on the wire and in the hash: see {@link WireTime}. */
    public static String formatTime(Instant at) {
        return WireTime.format(at);
    }

    /** The canonical JSON of an event as stored: what its hash covers. */
    public static String canonical(LoggedEvent e) {
        return event(e).canonical();
    }

    public static String hash(LoggedEvent e) {
        return event(e).hash(e.prevHash);
    }

    private static ChainEvent event(LoggedEvent e) {
        ChainEvent.Actor actor = actor(e);
        List<String> visibleTo = visibleTo(e);
        if (e.contentDigest == null) {
            return new ChainEvent(e.roomId.toString(), e.seq, formatTime(e.at), e.kind, actor, e.commandId, CanonicalJson.plain(parse(e.data)),
                    visibleTo);
        }
        if (e.contentSalt == null) {
            return ChainEvent.erased(e.roomId.toString(), e.seq, formatTime(e.at), e.kind, actor, e.commandId, visibleTo, e.contentDigest);
        }
        // The commitment is computed again from the data, never taken from the row: an edited data column breaks the chain.
        return ChainEvent.committed(e.roomId.toString(), e.seq, formatTime(e.at), e.kind, actor, e.commandId,
                CanonicalJson.plain(parse(e.data)), visibleTo, e.contentSalt);
    }

    /**
     * Chain version 2, at append: commits a new row to its data (a fresh salt, and the digest its hash covers) and
     * returns its hash, computing the commitment once (verification computes it again from the stored data).
     */
    static String commitAndHash(LoggedEvent e, JsonNode data) {
        e.contentSalt = ChainEvent.newSalt();
        Object plain = CanonicalJson.plain(data);
        e.contentDigest = ChainEvent.commitment(e.contentSalt, plain);
        return ChainEvent.committed(e.roomId.toString(), e.seq, formatTime(e.at), e.kind, actor(e), e.commandId, plain, visibleTo(e),
                e.contentSalt, e.contentDigest).hash(e.prevHash);
    }

    private static ChainEvent.Actor actor(LoggedEvent e) {
        return e.actorId == null ? null : new ChainEvent.Actor(e.actorId.toString(), e.actorName, names(e.actorRoles));
    }

    private static List<String> visibleTo(LoggedEvent e) {
        return e.visibleTo == null ? null : names(e.visibleTo);
    }

    static JsonNode parse(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (JsonProcessingException e) {
            // A row whose data no longer parses was edited: hash it as text so the chain breaks there.
            return NODES.textNode(json);
        }
    }

    private static List<String> names(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }
}
