package io.sitroom.evidence;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.audit.AuditLog;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Countersignature;
import io.sitroom.chain.Jwk;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.room.HashChain;
import io.sitroom.security.Caller;

/**
 * Witnesses (docs/evidence.md): checkpoints countersigned by another server, outside this database.
 * As a <em>witness</em>, this server countersigns the checkpoints of the origins its admin registered
 * (each known by its pinned public keys), and refuses, for good, a checkpoint that contradicts one it
 * countersigned before (another head for the same room and seq). As an <em>origin</em>, it keeps the
 * witnesses its admin registered ({@link WitnessSender} sends them every checkpoint) and their answers.
 */
@ApplicationScoped
public class Witnesses {

    private static final Logger LOG = Logger.getLogger(Witnesses.class);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/-]{0,99}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public record NewOrigin(String name, Jwks keys) {
    }

    public record OriginView(UUID id, String name, Jwks keys, Instant createdAt, long witnessed) {
    }

    public record NewTarget(String name, String url, Jwks keys) {
    }

    public record TargetView(UUID id, String name, String url, Jwks keys, boolean active, long countersigned, int failures,
            Instant nextAttemptAt, String lastError, Instant createdAt) {
    }

    private final KeyRing keys;
    private final EvidenceConfig config;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Witnesses(KeyRing keys, EvidenceConfig config, AuditLog audit, ObjectMapper mapper, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    // ---- As a witness

    /**
     * Countersigns an origin's checkpoint: it must verify with a key of a registered origin, and agree with
     * any checkpoint of the same room and seq countersigned before (the same one again gets the same answer).
     */
    @Transactional
    public Countersignature witness(Checkpoint checkpoint) {
        String name = config.witnessName().filter(n -> !n.isBlank()).orElseThrow(() -> new SitroomException(ErrorCode.UNAVAILABLE,
                "this server is no witness: set sitroom.evidence.witness-name (docs/evidence.md)"));
        if (!keys.enabled()) {
            throw new SitroomException(ErrorCode.UNAVAILABLE, "this server signs nothing: it has no SITROOM_EVIDENCE_KEY");
        }
        requireWellFormed(checkpoint);
        WitnessOrigin origin = originSigning(checkpoint);
        WitnessedCheckpoint seen = WitnessedCheckpoint.findById(new WitnessedCheckpoint.Key(origin.id, checkpoint.roomId(), checkpoint.seq()));
        if (seen != null) {
            return sameOrRefused(origin, seen, checkpoint);
        }
        String at = HashChain.formatTime(clock.instant());
        KeyRing.Signed signed = keys.sign(Countersignature.signedBytes(checkpoint, name, at));
        // Two deliveries of one checkpoint at once (a retry crossing its first try): the second insert does nothing.
        int inserted = WitnessedCheckpoint.getEntityManager().createNativeQuery("""
                INSERT INTO witnessed_checkpoint (origin_id, room_id, seq, head_hash, checkpoint_at, kid, signature, witnessed_at,
                  witness_name, witness_kid, witness_signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT DO NOTHING""")
                .setParameter(1, origin.id).setParameter(2, checkpoint.roomId()).setParameter(3, checkpoint.seq())
                .setParameter(4, checkpoint.headHash()).setParameter(5, checkpoint.at()).setParameter(6, checkpoint.kid())
                .setParameter(7, checkpoint.signature()).setParameter(8, at).setParameter(9, name).setParameter(10, signed.kid())
                .setParameter(11, signed.signature()).executeUpdate();
        if (inserted == 0) {
            WitnessedCheckpoint.getEntityManager().clear();
            return sameOrRefused(origin, WitnessedCheckpoint.findById(new WitnessedCheckpoint.Key(origin.id, checkpoint.roomId(), checkpoint.seq())),
                    checkpoint);
        }
        return new Countersignature(checkpoint.seq(), name, at, signed.kid(), signed.signature());
    }

    private static Countersignature sameOrRefused(WitnessOrigin origin, WitnessedCheckpoint seen, Checkpoint checkpoint) {
        if (seen.checkpoint().equals(checkpoint)) {
            return seen.countersignature();
        }
        // Every value here was checked to be a UUID, a number, a hex hash or a wire time: nothing in this line is forged.
        LOG.errorf("origin %s sent a checkpoint of room %s seq %d with head %s, contradicting the one witnessed at %s with head %s",
                origin.name, checkpoint.roomId(), checkpoint.seq(), checkpoint.headHash(), seen.witnessedAt, seen.headHash);
        throw SitroomException.conflict("this contradicts the checkpoint of room " + checkpoint.roomId() + " seq " + checkpoint.seq()
                + " witnessed at " + seen.witnessedAt + " (head " + seen.headHash + " signed at " + seen.checkpointAt
                + "): a witness countersigns one head per seq, for good");
    }

    private static void requireWellFormed(Checkpoint c) {
        if (c == null) {
            throw SitroomException.invalid("the body must be a checkpoint: {roomId, seq, headHash, at, kid, signature}");
        }
        try {
            UUID.fromString(c.roomId() == null ? "" : c.roomId());
        } catch (IllegalArgumentException e) {
            throw SitroomException.invalid("roomId must be a UUID");
        }
        if (c.seq() < 1) {
            throw SitroomException.invalid("seq must be 1 or more");
        }
        if (c.headHash() == null || !HASH.matcher(c.headHash()).matches()) {
            throw SitroomException.invalid("headHash must be 64 lowercase hex digits");
        }
        try {
            if (c.at() == null || c.at().length() > 40) {
                throw new DateTimeParseException("missing or too long", String.valueOf(c.at()), 0);
            }
            Instant.parse(c.at());
        } catch (DateTimeParseException e) {
            throw SitroomException.invalid("at must be the checkpoint's signed time (ISO 8601, UTC)");
        }
        if (c.kid() == null || !BASE64URL.matcher(c.kid()).matches() || c.kid().length() > 64) {
            throw SitroomException.invalid("kid must be a key id (base64url)");
        }
        if (c.signature() == null || !BASE64URL.matcher(c.signature()).matches()) {
            throw SitroomException.invalid("signature must be base64url");
        }
    }

    /** The registered origin whose pinned key signed the checkpoint; refused when there is none or it does not verify. */
    private WitnessOrigin originSigning(Checkpoint checkpoint) {
        for (WitnessOrigin origin : WitnessOrigin.<WitnessOrigin> listAll()) {
            PublicKey key = publicKeys(parse(origin.keys)).get(checkpoint.kid());
            if (key != null) {
                if (!checkpoint.verifies(key)) {
                    throw SitroomException.forbidden("the checkpoint does not verify with key " + checkpoint.kid() + " of origin " + origin.name);
                }
                return origin;
            }
        }
        throw SitroomException.forbidden("no origin this witness knows signs with key " + checkpoint.kid()
                + ": the admin registers an origin with its public keys (POST /api/admin/witness/origins)");
    }

    @Transactional
    public OriginView addOrigin(Caller admin, NewOrigin request) {
        if (request == null) {
            throw SitroomException.invalid("the body must be {name, keys}");
        }
        String name = name(request.name());
        publicKeys(request.keys());
        if (WitnessOrigin.count("name", name) > 0) {
            throw SitroomException.conflict("an origin named " + name + " is registered already");
        }
        WitnessOrigin origin = new WitnessOrigin();
        origin.id = UUID.randomUUID();
        origin.name = name;
        origin.keys = write(request.keys());
        origin.createdBy = admin.userId();
        origin.createdAt = clock.instant();
        origin.persist();
        audit.record(admin.userId(), admin.displayName(), "witness.origin.add", name, kids(request.keys()));
        return view(origin);
    }

    @Transactional
    public List<OriginView> origins() {
        return WitnessOrigin.<WitnessOrigin> list("order by name").stream().map(this::view).toList();
    }

    /** Forgets an origin and what was witnessed for it. */
    @Transactional
    public void removeOrigin(Caller admin, UUID id) {
        WitnessOrigin origin = WitnessOrigin.findById(id);
        if (origin == null) {
            throw SitroomException.notFound("no such origin");
        }
        WitnessedCheckpoint.delete("originId", id);
        origin.delete();
        audit.record(admin.userId(), admin.displayName(), "witness.origin.remove", origin.name, null);
    }

    private OriginView view(WitnessOrigin origin) {
        return new OriginView(origin.id, origin.name, parse(origin.keys), origin.createdAt, WitnessedCheckpoint.count("originId", origin.id));
    }

    // ---- As an origin

    @Transactional
    public TargetView addTarget(Caller admin, NewTarget request) {
        if (request == null) {
            throw SitroomException.invalid("the body must be {name, url, keys}");
        }
        String name = name(request.name());
        URI url = url(request.url());
        publicKeys(request.keys());
        if (WitnessTarget.count("name", name) > 0) {
            throw SitroomException.conflict("a witness named " + name + " is registered already");
        }
        WitnessTarget target = new WitnessTarget();
        target.id = UUID.randomUUID();
        target.name = name;
        target.url = url.toString();
        target.keys = write(request.keys());
        target.active = true;
        target.createdBy = admin.userId();
        target.createdAt = clock.instant();
        target.persist();
        audit.record(admin.userId(), admin.displayName(), "witness.add", name, target.url + " " + kids(request.keys()));
        return view(target);
    }

    @Transactional
    public List<TargetView> targets() {
        return WitnessTarget.<WitnessTarget> list("order by name").stream().map(this::view).toList();
    }

    /** Stops sending to a witness; its countersignatures stay (the export keeps carrying them). */
    @Transactional
    public void removeTarget(Caller admin, UUID id) {
        WitnessTarget target = WitnessTarget.findById(id);
        if (target == null || !target.active) {
            throw SitroomException.notFound("no such witness");
        }
        target.active = false;
        audit.record(admin.userId(), admin.displayName(), "witness.remove", target.name, null);
    }

    private TargetView view(WitnessTarget t) {
        return new TargetView(t.id, t.name, t.url, parse(t.keys), t.active, CheckpointCountersignature.count("targetId", t.id), t.failures,
                t.nextAttemptAt, t.lastError, t.createdAt);
    }

    /** A room's countersignatures, by seq, for the export. */
    @Transactional
    public List<Countersignature> of(UUID roomId) {
        return CheckpointCountersignature.of(roomId);
    }

    /** The pinned keys of every witness that countersigned something of the room, for the export. */
    @Transactional
    public Jwks witnessKeys(UUID roomId) {
        List<UUID> targets = CheckpointCountersignature.getEntityManager()
                .createQuery("select distinct c.targetId from CheckpointCountersignature c where c.roomId = ?1", UUID.class)
                .setParameter(1, roomId).getResultList();
        Map<String, Jwk> union = new LinkedHashMap<>();
        for (UUID id : targets) {
            WitnessTarget target = WitnessTarget.findById(id);
            parse(target.keys).keys().forEach(k -> union.putIfAbsent(k.kid(), k));
        }
        return new Jwks(new ArrayList<>(union.values()));
    }

    // ---- Shared

    Jwks parse(String json) {
        try {
            return mapper.readValue(json, Jwks.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JWK Set does not parse", e);
        }
    }

    private String write(Jwks jwks) {
        try {
            return mapper.writeValueAsString(jwks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Ed25519 keys of a JWK Set by kid; refused unless it has at least one and each is well formed. */
    static Map<String, PublicKey> publicKeys(Jwks jwks) {
        if (jwks == null || jwks.keys() == null || jwks.keys().isEmpty()) {
            throw SitroomException.invalid("keys must be a JWK Set with at least one Ed25519 key (the other server's GET /api/keys)");
        }
        Map<String, PublicKey> byKid = new HashMap<>();
        for (Jwk jwk : jwks.keys()) {
            try {
                byKid.put(jwk.kid(), jwk.publicKey());
            } catch (IllegalArgumentException e) {
                throw SitroomException.invalid("keys: " + e.getMessage());
            }
        }
        return byKid;
    }

    private static String kids(Jwks jwks) {
        return "keys " + String.join(", ", jwks.keys().stream().map(Jwk::kid).toList());
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (!NAME.matcher(trimmed).matches()) {
            throw SitroomException.invalid("name must be 1 to 100 letters, digits, spaces or . _ : / -, starting with a letter or digit");
        }
        return trimmed;
    }

    private static URI url(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null || uri.getUserInfo() != null
                    || uri.getFragment() != null || url.length() > 2000) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw SitroomException.invalid("url must be the witness's http(s) address of POST /api/witness/checkpoints");
        }
    }
}
