package io.sitroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a person's pending notifications go out as one mail. Pure: the caller passes the time.
 * <ul>
 * <li>As they happen: the batch window after the oldest pending one (what arrives meanwhile joins it).</li>
 * <li>Digest: the digest interval after the oldest pending one.</li>
 * <li>Never more than {@code perHour} mails in any hour: with that many sent in the last hour, the next waits
 * until the oldest of them is an hour old. Nothing is dropped; the mail that follows carries everything.</li>
 * </ul>
 */
final class Batching {

    record Rules(Duration window, Duration digestInterval, int perHour) {
    }

    private Batching() {
    }

    /** When the mail of these pending notifications is due (it may be now or past). */
    static Instant sendAt(Instant oldestPending, boolean digest, List<Instant> sentInLastHour, Rules rules) {
        Instant ready = oldestPending.plus(digest ? rules.digestInterval() : rules.window());
        int limit = Math.max(1, rules.perHour());
        if (sentInLastHour.size() >= limit) {
            List<Instant> sent = new ArrayList<>(sentInLastHour);
            sent.sort(Comparator.naturalOrder());
            Instant freed = sent.get(sent.size() - limit).plus(Duration.ofHours(1));
            if (freed.isAfter(ready)) {
                ready = freed;
            }
        }
        return ready;
    }

    static boolean due(Instant oldestPending, boolean digest, List<Instant> sentInLastHour, Rules rules, Instant now) {
        return !sendAt(oldestPending, digest, sentInLastHour, rules).isAfter(now);
    }
}
