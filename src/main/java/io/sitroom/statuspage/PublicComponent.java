package io.sitroom.statuspage;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A component of the status page (a service it lists), as its admin commands left it. */
@Entity
@Table(name = "status_page_component")
public class PublicComponent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(length = 1000)
    public String description;

    @Column(nullable = false, length = 32)
    public String status;

    @Column(nullable = false)
    public int position;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    ComponentDecider.ComponentState toState() {
        return new ComponentDecider.ComponentState(id, name, description, ComponentStatus.of(status));
    }
}
