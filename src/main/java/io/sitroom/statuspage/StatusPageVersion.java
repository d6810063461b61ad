package io.sitroom.statuspage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One row whose {@code version} moves, in the same transaction, with every change the public page shows
 * ({@code updated_at}: when, the page's own {@code updated_at}). Every node compares it with the version its
 * cached answers were built at, so a change made on another node is seen without a message between nodes.
 */
@Entity
@Table(name = "status_page_version")
public class StatusPageVersion extends PanacheEntityBase {

    static final int ROW = 1;

    @Id
    public int id;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Moves the version (inside the caller's transaction). */
    static void bump(Instant at) {
        update("version = version + 1, updatedAt = ?1 where id = ?2", at, ROW);
    }

    static StatusPageVersion current() {
        return findById(ROW);
    }
}
