package io.sitroom.alert;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The room an integration's alert group goes to (see {@link AlertGrouping}): the room it opened last.
 * While that room is open the group's notifications add to it; once it is closed, the next one opens a
 * new room and the row follows.
 */
@Entity
@Table(name = "alert_group")
@IdClass(AlertGroup.Key.class)
public class AlertGroup extends PanacheEntityBase {

    public record Key(UUID integrationId, String groupKey) implements Serializable {
    }

    @Id
    @Column(name = "integration_id")
    public UUID integrationId;

    @Id
    @Column(name = "group_key", length = 300)
    public String groupKey;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;
}
