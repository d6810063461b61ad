package io.sitroom.chain;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.sitroom.crypto.Sha256;
import io.sitroom.json.CanonicalForm;

/**
 * An event as its hash covers it: the object whose canonical JSON is hashed (docs/protocol.md,
 * "Hash chain"). The server builds it from a log row, the offline verifier from an exported event;
 * this record is the one list of what goes in.
 *
 * <p>Version 1 hashes the event's {@code data} itself. Version 2 (rooms opened since erasure exists) hashes a
 * <em>commitment</em> to it instead, {@code content = sha256(salt + canonical_json(data))} with 32 random bytes of
 * salt per event: the data can later be erased, keeping only the commitment, and the chain still verifies. The
 * salt is what keeps an erased "yes" or a name from being found again by hashing guesses.
 *
 * @param actor null for events the server appended by itself
 * @param commandId null when no command caused the event
 * @param data a plain JSON value as {@link CanonicalForm} writes it; null for an erased event
 * @param visibleTo null when everyone in the room may see the event; else role names, sorted
 * @param version 1 or 2
 * @param salt version 2 while the content is there: 64 lower-case hex digits; null once it is erased
 * @param knownContent version 2: the commitment when it is known already (an erased event's, which stands for the
 *        data; one just computed at append); null to compute it from {@code salt} and {@code data}
 */
public record ChainEvent(String roomId, long seq, String at, String kind, Actor actor, String commandId, Object data,
        List<String> visibleTo, int version, String salt, String knownContent) {

    /** Who acted, as they were when they acted. {@code roles} are role names, sorted. */
    public record Actor(String userId, String displayName, List<String> roles) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A version-1 event: its data is hashed as it is. */
    public ChainEvent(String roomId, long seq, String at, String kind, Actor actor, String commandId, Object data, List<String> visibleTo) {
        this(roomId, seq, at, kind, actor, commandId, data, visibleTo, 1, null, null);
    }

    /** A version-2 event whose content is there, committed to with {@code salt}. */
    public static ChainEvent committed(String roomId, long seq, String at, String kind, Actor actor, String commandId, Object data,
            List<String> visibleTo, String salt) {
        return new ChainEvent(roomId, seq, at, kind, actor, commandId, data, visibleTo, 2, salt, null);
    }

    /** A version-2 event whose commitment was just computed from its data (at append): not computed again. */
    public static ChainEvent committed(String roomId, long seq, String at, String kind, Actor actor, String commandId, Object data,
            List<String> visibleTo, String salt, String content) {
        return new ChainEvent(roomId, seq, at, kind, actor, commandId, data, visibleTo, 2, salt, content);
    }

    /** A version-2 event whose content was erased: only the commitment that stood for it is left. */
    public static ChainEvent erased(String roomId, long seq, String at, String kind, Actor actor, String commandId, List<String> visibleTo,
            String content) {
        return new ChainEvent(roomId, seq, at, kind, actor, commandId, null, visibleTo, 2, null, content);
    }

    /** A new salt: 32 random bytes as hex. */
    public static String newSalt() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** The commitment to {@code data} under {@code salt}: {@code hex(sha256(salt + canonical_json(data)))}. */
    public static String commitment(String salt, Object data) {
        return Sha256.hex(salt + CanonicalForm.write(data));
    }

    public boolean erased() {
        return version == 2 && salt == null;
    }

    /** Version 2: the commitment the hash covers in place of the data. */
    public String content() {
        return knownContent != null ? knownContent : commitment(salt, data);
    }

    public String canonical() {
        Map<String, Object> event = new HashMap<>();
        event.put("roomId", roomId);
        event.put("seq", seq);
        event.put("at", at);
        event.put("kind", kind);
        event.put("actor", actor == null ? null : actor(actor));
        event.put("commandId", commandId);
        event.put("visibleTo", visibleTo);
        if (version == 1) {
            event.put("data", data);
        } else {
            event.put("v", version);
            event.put("content", content());
        }
        return CanonicalForm.write(event);
    }

    /** This event's hash when chained to {@code prevHash}. */
    public String hash(String prevHash) {
        return ChainHash.of(prevHash, canonical());
    }

    private static Map<String, Object> actor(Actor actor) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("userId", actor.userId());
        fields.put("displayName", actor.displayName());
        fields.put("roles", actor.roles());
        return fields;
    }
}
