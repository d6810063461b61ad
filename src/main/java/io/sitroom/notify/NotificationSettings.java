package io.sitroom.notify;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's choice of what they are mailed and how; no row: every kind, as it happens. */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    /** The kinds they want, comma-separated wire names (empty: none). */
    @Column(nullable = false, length = 512)
    public String kinds;

    /** True: collected into a digest; false: mailed as they happen (a few minutes' batch). */
    @Column(nullable = false)
    public boolean digest;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A person's choice, the default when they made none. */
    record Choice(Set<NotificationKind> kinds, boolean digest) {
        static final Choice DEFAULT = new Choice(EnumSet.allOf(NotificationKind.class), false);

        boolean wants(String kind) {
            return NotificationKind.find(kind).map(kinds::contains).orElse(false);
        }
    }

    static Choice of(UUID userId) {
        NotificationSettings row = findById(userId);
        if (row == null) {
            return Choice.DEFAULT;
        }
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        Arrays.stream(row.kinds.split(",")).map(NotificationKind::find).forEach(k -> k.ifPresent(kinds::add));
        return new Choice(kinds, row.digest);
    }

    static String join(Set<NotificationKind> kinds) {
        return kinds.stream().map(NotificationKind::wire).sorted().collect(Collectors.joining(","));
    }
}
