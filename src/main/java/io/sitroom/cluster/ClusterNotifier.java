package io.sitroom.cluster;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.sitroom.room.AppendSignal;

/**
 * Sends {@code NOTIFY <channel>, '<roomId>:<seq>'} inside each appending transaction, so other
 * nodes hear of it exactly when it commits (and never if it rolls back). On H2 it does nothing.
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
            entityManager.createNativeQuery("SELECT pg_notify(?1, ?2)")
                    .setParameter(1, config.channel())
                    .setParameter(2, WakeUp.payload(roomId, headSeq))
                    .getSingleResult();
        }
    }
}
