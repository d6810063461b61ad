package io.sitroom.statuspage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A room as the status page would show it: whether it is public, and its incident status and impact
 * in the page's terms. Kept for a room once it was made public or published a statement.
 */
@Entity
@Table(name = "status_page_incident")
public class PublicIncident extends PanacheEntityBase {

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "is_public", nullable = false)
    public boolean isPublic;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(nullable = false, length = 16)
    public String impact;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "monitoring_at")
    public Instant monitoringAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
