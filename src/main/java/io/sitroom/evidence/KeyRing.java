package io.sitroom.evidence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitroom.chain.Ed25519;
import io.sitroom.chain.Jwk;

/**
 * The checkpoint signing keys every node shares: kept in the database ({@link SigningKeyRow}), their
 * private halves sealed with the node's secret. The newest usable generation signs; older ones stay
 * published so that earlier checkpoints keep verifying. A row that does not open with this node's
 * secret (written by someone without it, or under an earlier secret) is never used or published.
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);
    private static final byte[] SELF_TEST = "sitroom key self-test".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** A usable key. */
    record Key(int generation, String kid, String x, PublicKey publicKey, PrivateKey privateKey) {
    }

    /** A signature and the key that made it. */
    public record Signed(String kid, String signature) {
    }

    private final Optional<KeySealer> sealer;
    private final Clock clock;
    private final Set<String> refusedKids = new HashSet<>();
    private volatile List<Key> keys = List.of();

    public KeyRing(EvidenceConfig config, Clock clock) {
        this.clock = clock;
        this.sealer = config.keySecret().filter(s -> !s.isBlank()).map(KeySealer::new);
        if (sealer.isEmpty()) {
            LOG.warn("checkpoints are not signed: set SITROOM_EVIDENCE_KEY (32 characters or more, the same on every node); see docs/evidence.md");
        }
    }

    /** Whether this node signs checkpoints (a secret is configured). */
    public boolean enabled() {
        return sealer.isPresent();
    }

    /** Signs with the newest key, loading (or at first, creating) the key set when needed. */
    public Signed sign(byte[] message) {
        Key newest = newest();
        return new Signed(newest.kid(), Ed25519.sign(newest.privateKey(), message));
    }

    /** The public keys of every usable generation, oldest first. */
    public List<Jwk> published() {
        if (!enabled()) {
            return List.of();
        }
        if (keys.isEmpty()) {
            reload();
        }
        return keys.stream().map(k -> Jwk.ed25519(k.x())).toList();
    }

    /** Makes a new generation the signing key (older ones stay published); returns it. */
    public synchronized Jwk rotate() {
        requireEnabled();
        reload();
        int next = QuarkusTransaction.requiringNew().call(() -> {
            Integer max = SigningKeyRow.getEntityManager().createQuery("select max(k.generation) from SigningKeyRow k", Integer.class)
                    .getSingleResult();
            return max == null ? 1 : max + 1;
        });
        create(next);
        reload();
        return Jwk.ed25519(newest().x());
    }

    /** Re-reads the key set (another node may have rotated); creates the first key when there is none this node can use. */
    public synchronized void reload() {
        requireEnabled();
        List<SigningKeyRow> rows = QuarkusTransaction.requiringNew().call(() -> SigningKeyRow.<SigningKeyRow> list("order by generation"));
        List<Key> usable = new ArrayList<>();
        for (SigningKeyRow row : rows) {
            open(row).ifPresent(usable::add);
        }
        if (usable.isEmpty()) {
            int next = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).generation + 1;
            create(next);
            reload();
            return;
        }
        keys = List.copyOf(usable);
    }

    private Key newest() {
        requireEnabled();
        List<Key> current = keys;
        if (current.isEmpty()) {
            reload();
            current = keys;
        }
        return current.get(current.size() - 1);
    }

    private Optional<Key> open(SigningKeyRow row) {
        try {
            byte[] pkcs8 = sealer.orElseThrow().open(row.sealedPrivateKey, row.kid, row.publicKey);
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey publicKey = Ed25519.publicKey(row.publicKey);
            if (!row.kid.equals(Jwk.thumbprint(row.publicKey)) || !Ed25519.verifies(publicKey, SELF_TEST, Ed25519.sign(privateKey, SELF_TEST))) {
                throw new IllegalArgumentException("its key id or public key does not belong to its private key");
            }
            return Optional.of(new Key(row.generation, row.kid, row.publicKey, publicKey, privateKey));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            if (refusedKids.add(row.kid)) {
                LOG.warnf("signing key generation %d (kid %s) is not used: %s", row.generation, row.kid, e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** Inserts a new generation; when another node inserted it first, theirs is kept. */
    void create(int generation) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
        String x = Ed25519.x(pair.getPublic());
        String kid = Jwk.thumbprint(x);
        String sealed = sealer.orElseThrow().seal(pair.getPrivate().getEncoded(), kid, x);
        // Two nodes starting at once on an empty table: the generation is the primary key, and the insert that
        // comes second does nothing (rather than failing, which the libraries would log as an error with a stack).
        int inserted = QuarkusTransaction.requiringNew().call(() -> SigningKeyRow.getEntityManager().createNativeQuery(
                "INSERT INTO signing_key (generation, kid, public_key, sealed_private_key, created_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, generation).setParameter(2, kid).setParameter(3, x).setParameter(4, sealed)
                .setParameter(5, clock.instant()).executeUpdate());
        if (inserted == 1) {
            LOG.infof("checkpoint signing key generation %d created (kid %s)", generation, kid);
        } else {
            LOG.debugf("signing key generation %d was created by another node", generation);
        }
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new IllegalStateException("checkpoint signing is off (no SITROOM_EVIDENCE_KEY)");
        }
    }
}
