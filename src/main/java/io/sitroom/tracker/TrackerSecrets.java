package io.sitroom.tracker;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.crypto.Sealer;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/**
 * Seals and opens a tracker's credentials and webhook secret with the deployment's tracker key
 * ({@code sitroom.trackers.key}), each bound to its tracker's id and what it is, so a sealed value
 * copied to another row or column does not open.
 */
@ApplicationScoped
public class TrackerSecrets {

    private static final String LABEL = "sitroom tracker secrets v1\n";

    /** What a tracker signs in with: a token (GitHub, a bearer PAT) or an e-mail and API token (Jira Cloud's basic auth). */
    public record Credentials(String email, String token) {
    }

    private final Optional<Sealer> sealer;
    private final ObjectMapper mapper;

    public TrackerSecrets(TrackerConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.sealer = config.key().filter(k -> !k.isBlank()).map(key -> {
            if (key.length() < Sealer.MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("sitroom.trackers.key (SITROOM_TRACKER_KEY) must have at least " + Sealer.MIN_SECRET_LENGTH
                        + " characters, it has " + key.length());
            }
            return new Sealer(LABEL, key);
        });
    }

    public boolean configured() {
        return sealer.isPresent();
    }

    String sealCredentials(UUID trackerId, Credentials credentials) {
        try {
            return sealer().seal(mapper.writeValueAsBytes(credentials), trackerId + "\ncredentials");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Credentials openCredentials(Tracker tracker) {
        try {
            return mapper.readValue(sealer().open(tracker.credentialsSealed, tracker.id + "\ncredentials"), Credentials.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the tracker's credentials do not decode", e);
        }
    }

    String sealWebhookSecret(UUID trackerId, String secret) {
        return sealer().seal(secret.getBytes(StandardCharsets.UTF_8), trackerId + "\nwebhook");
    }

    String openWebhookSecret(Tracker tracker) {
        return new String(sealer().open(tracker.webhookSecretSealed, tracker.id + "\nwebhook"), StandardCharsets.UTF_8);
    }

    private Sealer sealer() {
        return sealer.orElseThrow(() -> new SitroomException(ErrorCode.UNAVAILABLE,
                "issue trackers need sitroom.trackers.key (SITROOM_TRACKER_KEY) to be set"));
    }
}
