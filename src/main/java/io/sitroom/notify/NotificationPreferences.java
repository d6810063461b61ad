package io.sitroom.notify;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.sitroom.error.SitroomException;

/** A person's notification preferences: which kinds they are mailed, and as they happen or as a digest. */
@ApplicationScoped
public class NotificationPreferences {

    private final Clock clock;

    public NotificationPreferences(Clock clock) {
        this.clock = clock;
    }

    /** The wire form: the kinds chosen, whether as a digest, and every kind there is (for a settings form). */
    public record View(List<String> kinds, boolean digest, List<String> available) {
    }

    @Transactional
    public View of(UUID userId) {
        return view(NotificationSettings.of(userId));
    }

    @Transactional
    public View set(UUID userId, List<String> kinds, Boolean digest) {
        if (kinds == null || digest == null) {
            throw SitroomException.invalid("kinds (a list, possibly empty) and digest (true or false) are required");
        }
        Set<NotificationKind> chosen = EnumSet.noneOf(NotificationKind.class);
        for (String kind : kinds) {
            chosen.add(NotificationKind.find(kind).orElseThrow(() -> SitroomException.invalid("unknown notification kind; the kinds are "
                    + String.join(", ", available()))));
        }
        NotificationSettings row = NotificationSettings.findById(userId);
        if (row == null) {
            row = new NotificationSettings();
            row.userId = userId;
            row.kinds = NotificationSettings.join(chosen);
            row.digest = digest;
            row.updatedAt = clock.instant();
            row.persist();
        } else {
            row.kinds = NotificationSettings.join(chosen);
            row.digest = digest;
            row.updatedAt = clock.instant();
        }
        return view(new NotificationSettings.Choice(chosen, digest));
    }

    private static View view(NotificationSettings.Choice choice) {
        return new View(choice.kinds().stream().map(NotificationKind::wire).sorted().toList(), choice.digest(), available());
    }

    private static List<String> available() {
        return Arrays.stream(NotificationKind.values()).map(NotificationKind::wire).toList();
    }
}
