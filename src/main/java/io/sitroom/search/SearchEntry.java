package io.sitroom.search;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The searchable text of one event, with what decides who may find it (the projection of the log for search). */
@Entity
@Table(name = "search_entry")
@IdClass(SearchEntry.Key.class)
public class SearchEntry extends PanacheEntityBase {

    public record Key(UUID roomId, long seq) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    public long seq;

    @Column(nullable = false, length = 64)
    public String kind;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "actor_id")
    public UUID actorId;

    /** The roles that may see the event, as stored in the log; null: everyone in the room. */
    @Column(name = "visible_to", length = 512)
    public String visibleTo;

    @Column(nullable = false, length = 100000)
    public String body;
}
