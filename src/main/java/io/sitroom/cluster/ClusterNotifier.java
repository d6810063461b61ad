package io.sitroom.cluster;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.sitroom.room.AppendSignal;
import io.sitroom.security.TokensRevoked;

/**
 * Sends {@code NOTIFY <channel>, '<roomId>:<seq>'} inside each appending transaction, so other
 * nodes hear of it exactly when it commits (and never if it rolls back); and
 * {@code 'revoked:<userId>:<tokenHash|*>'} when a sign-in ends, so every node closes its sockets. On
 * H2 (one node) it does nothing.
 */
@ApplicationScoped
public class ClusterNotifier implements AppendSignal {

    private final EntityManager entityManager;
    private final ClusterConfig config;
    private final boolean active;

    public ClusterNotifier(EntityManager entityManager, ClusterConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.entityManager = entityManager;
        this.config = config;
        this.active = config.enabled() && isPostgresql(dbKind);
    }

    static boolean isPostgresql(String dbKind) {
        return "postgresql".equalsIgnoreCase(dbKind) || "pgsql".equalsIgnoreCase(dbKind) || "pg".equalsIgnoreCase(dbKind);
    }

    @Override
    public void appended(UUID roomId, long headSeq) {
        if (active) {
            notify(WakeUp.payload(roomId, headSeq));
        }
    }

    /**
     * A user's tokens (or one of them) were revoked, or their account disabled, on this node: every node
     * is told when the revocation commits (this node closes its own sockets by the same event, after the commit).
     */
    void onRevoked(@Observes TokensRevoked revoked) {
        if (!active) {
            return;
        }
        String payload = Revoked.payload(revoked.userId(), revoked.tokenHash());
        if (QuarkusTransaction.isActive()) {
            // In the revoking transaction: every node hears of it exactly when it commits, even if this one then dies.
            notify(payload);
        } else {
            QuarkusTransaction.requiringNew().run(() -> notify(payload));
        }
    }

    private void notify(String payload) {
        entityManager.createNativeQuery("SELECT pg_notify(?1, ?2)")
                .setParameter(1, config.channel())
                .setParameter(2, payload)
                .getSingleResult();
    }
}
