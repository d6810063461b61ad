package io.sitroom.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sitroom.chain.ChainEvent;
import io.sitroom.chain.ChainHash;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Countersignature;
import io.sitroom.chain.Ed25519;
import io.sitroom.chain.Jwk;

/**
 * Reads the chain out of a {@code sitroom-export/1} file and refuses, with one line naming the
 * field (and the event's seq), anything that is not what the exporter writes: a field of the wrong
 * type, a missing one, an event field the hash does not cover, or a redacted link that carries
 * content. Such fields would otherwise be read by an auditor as verified while no hash covers them.
 * Besides the chain, it reads the room's signed checkpoints and the keys the export carries
 * (docs/evidence.md), and, as read, the readable sections that the verifier derives again from the events
 * and compares ({@link Readable}).
 */
final class ExportReader {

    static final String FORMAT = "sitroom-export/1";

    private static final Set<String> EVENT_FIELDS = Set.of("seq", "at", "kind", "actor", "commandId", "data", "visibleTo", "prevHash",
            "hash", "redacted");
    /** Chain version 2: an event committed to its data by a salt, or erased (its commitment in place of data and salt). */
    private static final Set<String> COMMITTED_FIELDS = Set.of("seq", "at", "kind", "actor", "commandId", "data", "salt", "visibleTo",
            "prevHash", "hash", "redacted");
    private static final Set<String> ERASED_FIELDS = Set.of("seq", "at", "kind", "actor", "commandId", "content", "erased", "visibleTo",
            "prevHash", "hash", "redacted");
    private static final Set<String> LINK_FIELDS = Set.of("seq", "prevHash", "hash", "redacted");
    private static final Set<String> ACTOR_FIELDS = Set.of("userId", "displayName", "roles");

    /** One link of the chain; {@code event} is null for a redacted link (an event the exporter could not see). */
    record Link(long seq, String prevHash, String hash, ChainEvent event) {

        boolean redacted() {
            return event == null;
        }

        /** Chain version 2: an event the exporter could see, whose content was erased. */
        boolean erased() {
            return event != null && event.erased();
        }
    }

    /**
     * What the checks need: the links in file order, the head the export claims, the room's signed
     * checkpoints and the keys the export carries (kid to key; empty when it carries none), the witnesses'
     * countersignatures of those checkpoints and the witnesses' keys the export carries; the file's text ({@code json}),
     * for what is derived with the server's own libraries ({@link ExerciseDerivation}).
     */
    record Export(String roomId, long headSeq, String headHash, List<Link> links, List<Checkpoint> checkpoints, Map<String, PublicKey> keys,
            List<Countersignature> countersignatures, Map<String, PublicKey> witnessKeys, Readable readable, String json) {
    }

    /**
     * What the file says in its readable sections, as read (plain JSON values): {@code room} the snapshot
     * object, {@code others} the other sections derived from the chain ({@code roleHistory}, {@code metrics},
     * ...) by name, {@code exportedAt} when the file says it was made (null when it does not say, or not as a time:
     * what is as of that moment is then not proven); {@link ExportVerifier} derives what it can from the verified
     * events and compares.
     */
    record Readable(Map<String, Object> room, Map<String, Object> others, Instant exportedAt) {
    }

    /** The top-level sections derived from the chain (the rest is the file's own: format, exportedAt, exportedBy, chain). */
    static final List<String> DERIVED = List.of("metrics", "roleHistory", "updates", "lessonsLearned");

    private ExportReader() {
    }

    /** @throws IllegalArgumentException when the text is not strict JSON or not an export, with a one-line reason */
    static Export read(String json) {
        Fields export = Fields.of(StrictJson.read(json), "");
        String format = export.string("format");
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException("format is " + StrictJson.quoted(format) + ", not " + FORMAT);
        }
        Fields room = export.object("room");
        String roomId = room.string("id");
        Map<String, Object> others = new LinkedHashMap<>();
        for (String name : DERIVED) {
            if (export.optional(name) != null) {
                others.put(name, export.optional(name));
            }
        }
        Fields chain = export.object("chain");
        if (chain.has("genesis") && !chain.string("genesis").equals(ChainHash.GENESIS)) {
            // The genesis is part of the protocol, not of the file: a file that names another one starts elsewhere.
            throw new IllegalArgumentException("chain.genesis is not the protocol's genesis hash (64 zeros)");
        }
        // Files from before version 2 carry no version: they are version 1.
        long version = chain.optional("version") == null ? 1 : chain.seq("version");
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("chain.version is " + version + "; this verifier knows versions 1 and 2");
        }
        long headSeq = chain.seq("headSeq");
        String headHash = chain.hash("headHash");
        List<Object> events = chain.array("events");
        List<Link> links = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            links.add(link(Fields.of(events.get(i), "chain.events[" + i + "]"), roomId, (int) version));
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (chain.optional("checkpoints") != null) {
            List<Object> listed = chain.array("checkpoints");
            for (int i = 0; i < listed.size(); i++) {
                checkpoints.add(checkpoint(Fields.of(listed.get(i), "chain.checkpoints[" + i + "]")));
            }
        }
        Map<String, PublicKey> keys = chain.optional("keys") == null ? Map.of() : keys(chain.object("keys"));
        List<Countersignature> countersignatures = new ArrayList<>();
        if (chain.optional("witnesses") != null) {
            List<Object> listed = chain.array("witnesses");
            for (int i = 0; i < listed.size(); i++) {
                countersignatures.add(countersignature(Fields.of(listed.get(i), "chain.witnesses[" + i + "]")));
            }
        }
        Map<String, PublicKey> witnessKeys = chain.optional("witnessKeys") == null ? Map.of() : keys(chain.object("witnessKeys"));
        return new Export(roomId, headSeq, headHash, links, checkpoints, keys, countersignatures, witnessKeys,
                new Readable(room.all(), others, instant(export.optional("exportedAt"))), json);
    }

    /**
     * A JWK Set's Ed25519 keys by kid (a file given to the verifier: the keys the auditor trusts).
     *
     * @throws IllegalArgumentException when the text is not a JWK Set of Ed25519 keys whose kid is their thumbprint
     */
    static Map<String, PublicKey> readKeys(String json) {
        return keys(Fields.of(StrictJson.read(json), ""));
    }

    private static Map<String, PublicKey> keys(Fields jwks) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        List<Object> listed = jwks.array("keys");
        for (int i = 0; i < listed.size(); i++) {
            Fields jwk = Fields.of(listed.get(i), jwks.pathOf("keys[" + i + "]"));
            if (!jwk.string("kty").equals("OKP") || !jwk.string("crv").equals("Ed25519")) {
                continue; // a JWK Set may hold other keys; checkpoints are signed with Ed25519 only
            }
            String x = jwk.string("x");
            String kid = jwk.string("kid");
            if (!kid.equals(Jwk.thumbprint(x))) {
                throw jwk.refused("kid", "is not the key's RFC 7638 thumbprint");
            }
            try {
                keys.put(kid, Ed25519.publicKey(x));
            } catch (IllegalArgumentException e) {
                throw jwk.refused("x", "is not an Ed25519 public key: " + e.getMessage());
            }
        }
        return keys;
    }

    private static Countersignature countersignature(Fields c) {
        return new Countersignature(c.seq("seq"), c.string("witness"), c.string("at"), c.string("kid"), c.string("signature"));
    }

    private static Checkpoint checkpoint(Fields c) {
        return new Checkpoint(c.string("roomId"), c.seq("seq"), c.hash("headHash"), c.string("at"), c.string("kid"), c.string("signature"));
    }

    private static Link link(Fields entry, String roomId, int version) {
        long seq = entry.seq("seq");
        Fields e = entry.inEvent(seq);
        String prevHash = e.hash("prevHash");
        String hash = e.hash("hash");
        if (e.has("redacted") && e.bool("redacted")) {
            String content = e.firstFieldNotIn(LINK_FIELDS);
            if (content != null) {
                throw e.refused("is a redacted link but has " + StrictJson.quoted(content)
                        + " (a redacted link holds only seq, prevHash, hash and redacted)");
            }
            return new Link(seq, prevHash, hash, null);
        }
        boolean erased = version == 2 && e.has("erased");
        if (erased && !e.bool("erased")) {
            throw e.refused("erased", "must be true when present");
        }
        coveredOnly(e, version == 1 ? EVENT_FIELDS : erased ? ERASED_FIELDS : COMMITTED_FIELDS);
        ChainEvent.Actor actor = null;
        if (e.optional("actor") != null) {
            Fields a = e.object("actor");
            coveredOnly(a, ACTOR_FIELDS);
            actor = new ChainEvent.Actor(a.string("userId"), a.optionalString("displayName"), a.strings("roles"));
        }
        List<String> visibleTo = e.optional("visibleTo") == null ? null : e.strings("visibleTo");
        // data may be any JSON value: a row whose data no longer parses is exported as a string and
        // hashed as one by the server too, so it shows as a broken link, not as an unreadable file.
        if (erased) {
            return new Link(seq, prevHash, hash, ChainEvent.erased(roomId, seq, e.string("at"), e.string("kind"), actor,
                    e.optionalString("commandId"), visibleTo, e.hash("content")));
        }
        if (version == 2) {
            return new Link(seq, prevHash, hash, ChainEvent.committed(roomId, seq, e.string("at"), e.string("kind"), actor,
                    e.optionalString("commandId"), e.required("data"), visibleTo, e.hash("salt")));
        }
        return new Link(seq, prevHash, hash, new ChainEvent(roomId, seq, e.string("at"), e.string("kind"), actor,
                e.optionalString("commandId"), e.required("data"), visibleTo));
    }

    private static void coveredOnly(Fields object, Set<String> covered) {
        String other = object.firstFieldNotIn(covered);
        if (other != null) {
            throw object.refused("has a field the hash does not cover: " + StrictJson.quoted(other));
        }
    }

    /** An object's fields with typed access; every refusal names the field's path, and the event's seq once known. */
    private static final class Fields {

        private final Map<String, Object> fields;
        private final String path;
        private final String seqNote;

        private Fields(Map<String, Object> fields, String path, String seqNote) {
            this.fields = fields;
            this.path = path;
            this.seqNote = seqNote;
        }

        /** {@code path} is empty for the file's top level. */
        static Fields of(Object value, String path) {
            if (value instanceof Map<?, ?> map) {
                return new Fields(cast(map), path, "");
            }
            throw new IllegalArgumentException((path.isEmpty() ? "the file" : path) + " must be an object, not " + kind(value));
        }

        /** Safe: {@link StrictJson} only makes maps with string keys. */
        @SuppressWarnings("unchecked")
        private static Map<String, Object> cast(Map<?, ?> map) {
            return (Map<String, Object>) map;
        }

        Fields inEvent(long seq) {
            return new Fields(fields, path, " (seq " + seq + ")");
        }

        boolean has(String key) {
            return fields.containsKey(key);
        }

        /** The object as read. */
        Map<String, Object> all() {
            return fields;
        }

        /** A field's value; null when it is absent or null. */
        Object optional(String key) {
            return fields.get(key);
        }

        Object required(String key) {
            if (!fields.containsKey(key)) {
                throw refused(key, "is missing");
            }
            return fields.get(key);
        }

        String string(String key) {
            return required(key) instanceof String s ? s : wrong(key, "a string");
        }

        String optionalString(String key) {
            return optional(key) == null ? null : string(key);
        }

        boolean bool(String key) {
            return required(key) instanceof Boolean b ? b : wrong(key, "true or false");
        }

        String hash(String key) {
            String hash = string(key);
            if (!ChainHash.isWellFormed(hash)) {
                throw refused(key, "must be 64 lower-case hex digits");
            }
            return hash;
        }

        long seq(String key) {
            Object value = required(key);
            if (!(value instanceof BigInteger n)) {
                return wrong(key, "an integer");
            }
            if (n.bitLength() >= Long.SIZE) {
                throw refused(key, "is out of range");
            }
            return n.longValue();
        }

        Fields object(String key) {
            return required(key) instanceof Map<?, ?> map ? new Fields(cast(map), join(key), seqNote) : wrong(key, "an object");
        }

        @SuppressWarnings("unchecked")
        List<Object> array(String key) {
            return required(key) instanceof List<?> list ? (List<Object>) list : wrong(key, "an array");
        }

        List<String> strings(String key) {
            List<Object> values = array(key);
            List<String> strings = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                if (!(values.get(i) instanceof String s)) {
                    return wrong(key + "[" + i + "]", values.get(i), "a string");
                }
                strings.add(s);
            }
            return strings;
        }

        /** The first field, in file order, that is not one of {@code names}; null when there is none. */
        String firstFieldNotIn(Set<String> names) {
            for (String key : fields.keySet()) {
                if (!names.contains(key)) {
                    return key;
                }
            }
            return null;
        }

        private <T> T wrong(String key, String expected) {
            return wrong(key, fields.get(key), expected);
        }

        private <T> T wrong(String key, Object value, String expected) {
            throw refused(key, "must be " + expected + ", not " + kind(value));
        }

        IllegalArgumentException refused(String key, String what) {
            return new IllegalArgumentException(join(key) + seqNote + " " + what);
        }

        IllegalArgumentException refused(String what) {
            return new IllegalArgumentException(path + seqNote + " " + what);
        }

        String pathOf(String key) {
            return join(key);
        }

        private String join(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map<?, ?>) {
            return "an object";
        } else if (value instanceof List<?>) {
            return "an array";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Boolean b) {
            return b.toString();
        } else if (value instanceof BigInteger) {
            return "an integer";
        } else if (value instanceof BigDecimal) {
            return "a decimal number";
        }
        return value.getClass().getSimpleName();
    }

    /** A time the file states, or null when it states none or not as an instant. */
    private static Instant instant(Object value) {
        try {
            return value instanceof String text ? Instant.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
