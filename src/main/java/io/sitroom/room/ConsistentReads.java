package io.sitroom.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A read that must see the database as of one moment: a snapshot is exactly the room at its head
 * seq only if its several queries all see the same commits. On PostgreSQL the transaction is made
 * REPEATABLE READ (one snapshot of the database for all its statements; a read-only transaction never
 * fails for it). The embedded H2 (dev mode, tests) runs one node, where appends are serialised anyway.
 */
@ApplicationScoped
public class ConsistentReads {

    private final EntityManager em;
    private final boolean postgres;

    public ConsistentReads(EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.postgres = dbKind.startsWith("postgres");
    }

    /** Call first in a read-only transaction, before any other statement. */
    public void begin() {
        if (postgres) {
            em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
        }
    }
}
