package io.sitroom.playbook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.room.Taxonomy;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.RetryLater;
import io.sitroom.limits.RateLimits;
import io.sitroom.limits.TokenBucket;

/** Lints uploaded playbook files for accounts, each at most {@link PlaybookConfig#validationsPerMinute()} times a minute. */
@ApplicationScoped
public class PlaybookValidator {

    private final RateLimits limits;
    private final int perMinute;
    private final Taxonomy taxonomy;
    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();

    public PlaybookValidator(RateLimits limits, PlaybookConfig config, Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.limits = limits;
        this.perMinute = Math.max(1, config.validationsPerMinute());
    }

    /** The errors of an uploaded file (none when it is fit to load), or a {@link RetryLater} when the account validates too often. */
    public PlaybookParser.Result validate(UUID userId, String yaml) {
        long now = limits.now();
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        if (!buckets.computeIfAbsent(userId, id -> new TokenBucket(perMinute / 60.0, perMinute, now)).tryTake(now)) {
            long retry = (long) Math.ceil(60.0 / perMinute);
            throw new RetryLater(ErrorCode.RATE_LIMITED, "too many playbook validations; at most " + perMinute + " a minute, try again in "
                    + retry + " s", Duration.ofSeconds(retry));
        }
        return PlaybookParser.parse(null, yaml, taxonomy);
    }
}
