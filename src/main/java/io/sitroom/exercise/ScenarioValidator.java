package io.sitroom.exercise;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.RetryLater;
import io.sitroom.limits.RateLimits;
import io.sitroom.limits.TokenBucket;

/**
 * Validates uploaded scenario files for accounts, each account at most
 * {@link ScenarioConfig#validationsPerMinute()} times a minute (a token bucket on the application clock).
 */
@ApplicationScoped
public class ScenarioValidator {

    /** Refused for going too fast: try again in {@code retryAfterSeconds} (an upper bound: a token is whole by then). */
    static RetryLater tooManyValidations(int perMinute, long retryAfterSeconds) {
        return new RetryLater(ErrorCode.RATE_LIMITED, "too many scenario validations; at most " + perMinute + " a minute, try again in "
                + retryAfterSeconds + " s", java.time.Duration.ofSeconds(retryAfterSeconds));
    }

    private final RateLimits limits;
    private final int perMinute;
    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();

    public ScenarioValidator(RateLimits limits, ScenarioConfig config) {
        this.limits = limits;
        this.perMinute = Math.max(1, config.validationsPerMinute());
    }

    /** The errors of an uploaded file (none when it is fit to play), or a {@link RetryLater} when the account validates too often. */
    public List<ScenarioError> validate(UUID userId, String yaml) {
        admit(userId);
        // An upload has no file name of its own, and the file's place in the server's folder is nobody's business.
        return ScenarioLinter.validate("upload", yaml).stream().map(e -> new ScenarioError(null, e.line(), e.path(), e.message())).toList();
    }

    /**
     * Takes one of the account's validations (a check, an upload, an imported spreadsheet: each parses
     * and lints a whole file), or throws a {@link RetryLater} when it validates too often.
     */
    public void admit(UUID userId) {
        long now = limits.now();
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        if (!buckets.computeIfAbsent(userId, id -> new TokenBucket(perMinute / 60.0, perMinute, now)).tryTake(now)) {
            throw tooManyValidations(perMinute, (long) Math.ceil(60.0 / perMinute));
        }
    }
}
