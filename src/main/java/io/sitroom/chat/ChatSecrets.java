package io.sitroom.chat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.sitroom.crypto.Sealer;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/**
 * Seals and opens the chat secrets kept in the database (a Teams channel's workflow URL, which lets anyone who holds
 * it post to the channel) with the deployment's chat key ({@code sitroom.chat.key}), each bound to its channel's id,
 * so a sealed value copied to another row does not open. Made at start, so a key too short stops the node there.
 */
@Startup
@ApplicationScoped
public class ChatSecrets {

    private static final String LABEL = "sitroom chat secrets v1\n";

    private final Optional<Sealer> sealer;

    public ChatSecrets(ChatConfig config) {
        this.sealer = config.key().filter(k -> !k.isBlank()).map(key -> {
            if (key.length() < Sealer.MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("sitroom.chat.key (SITROOM_CHAT_KEY) must have at least " + Sealer.MIN_SECRET_LENGTH
                        + " characters, it has " + key.length());
            }
            return new Sealer(LABEL, key);
        });
    }

    public boolean configured() {
        return sealer.isPresent();
    }

    String sealWorkflow(UUID channelId, String url) {
        return sealer().seal(url.getBytes(StandardCharsets.UTF_8), channelId + "\nteams-workflow");
    }

    String openWorkflow(UUID channelId, String sealed) {
        return new String(sealer().open(sealed, channelId + "\nteams-workflow"), StandardCharsets.UTF_8);
    }

    private Sealer sealer() {
        return sealer.orElseThrow(() -> new SitroomException(ErrorCode.UNAVAILABLE,
                "Teams workflow URLs need sitroom.chat.key (SITROOM_CHAT_KEY) to be set"));
    }
}
