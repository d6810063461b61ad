package io.sitroom.chat;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Chat platforms (docs/chat.md). Each platform is off until its secret is set: its endpoints then answer 404
 * with a plain error, and nothing is posted to it.
 */
@ConfigMapping(prefix = "sitroom.chat")
public interface ChatConfig {

    /** How long a link code from {@code POST /api/chat/link-codes} may be redeemed. */
    @WithDefault("15m")
    Duration linkCodeTtl();

    /** How often the mirror looks for events it has not posted yet, besides right after each commit. */
    @WithDefault("5s")
    Duration pollInterval();

    /** The address of the web app, for links in chat answers ("open the room"); none when unset. */
    Optional<String> publicUrl();

    /**
     * Whether an unlinked chat user is linked by their e-mail address: when the platform vouches for the address
     * (Slack's {@code users.info}, Mattermost's API with {@code email_verified}) and exactly one Sitroom account has
     * it verified, they are linked to that account (docs/chat.md, "Linking accounts").
     */
    @WithDefault("true")
    boolean linkByEmail();

    /**
     * The secret (32 characters or more, {@code SITROOM_CHAT_KEY}) that seals the chat secrets Sitroom keeps in its
     * database (Teams workflow URLs); the same on every node. Unset: no workflow URL can be set, and those set are not
     * posted to.
     */
    Optional<String> key();

    Slack slack();

    Mattermost mattermost();

    Teams teams();

    interface Slack {
        /** The app's signing secret (Basic Information, App Credentials): every request is verified with it. */
        Optional<String> signingSecret();

        /** The bot token ({@code xoxb-...}) for the Web API: creating channels, posting the mirror. */
        Optional<String> botToken();

        /** The Web API's base address; tests point it at a local fake. */
        @WithDefault("https://slack.com/api")
        String apiUrl();

        /** The reaction (emoji name, without colons) that adds a message to the room's timeline. */
        @WithDefault("pushpin")
        String timelineReaction();

        /**
         * Whether the channels Sitroom creates are private (only who is invited reads them). A channel's members read
         * everything the room's members all may see, so by default only the declarer is in it, and people are invited.
         */
        @WithDefault("true")
        boolean privateChannels();

        /** Incident channels are named {@code <prefix><yyyymmdd>-<title>}. */
        @WithDefault("inc-")
        String channelPrefix();
    }

    interface Mattermost {
        /** The slash command's token (Integrations, Slash Commands); the platform is off while unset. */
        Optional<String> commandToken();

        /**
         * The secret Sitroom puts in its buttons' context and expects back from Mattermost with each action
         * (Mattermost does not sign action requests); falls back to the command token.
         */
        Optional<String> actionToken();

        /** The incoming webhook the mirror posts to (Slack-compatible bodies, channel by name). */
        Optional<String> webhookUrl();

        /** Sitroom's address as Mattermost reaches it, for the buttons' action URL. */
        Optional<String> callbackUrl();

        /** Mattermost's address for its REST API ({@code https://mattermost.example.com}), with {@link #apiToken()}. */
        Optional<String> apiUrl();

        /**
         * A bot's or personal access token for Mattermost's REST API, allowed to read users' e-mail addresses: with it,
         * an unlinked user is linked by their verified address ({@code GET /api/v4/users/{id}}). Unset: codes only.
         */
        Optional<String> apiToken();
    }

    interface Teams {
        /** The outgoing webhook's security token as Teams shows it (base64); the platform is off while unset. */
        Optional<String> webhookSecret();

        /**
         * Whether a workflow URL may be plain {@code http} to a loopback address (tests' local fake); otherwise only
         * {@code https} is accepted.
         */
        @WithDefault("false")
        boolean allowLoopbackHttp();
    }
}
