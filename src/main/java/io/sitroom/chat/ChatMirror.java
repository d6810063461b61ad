package io.sitroom.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.room.AppendListener;
import io.sitroom.room.EventLog;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.webhook.WebhookSender;
import io.sitroom.webhook.WebhookTargets;

/**
 * Keeps each room's chat channel up to date, off the rooms' threads: creates the Slack channel of a room declared
 * from Slack, then posts, in order, every event of the room that everyone in it may see (Slack through the Web API,
 * Mattermost through its incoming webhook, a Teams channel through the workflow URL it was given, if any). Restricted events (a legal
 * note, an audience's update, anything for named roles) are passed over and never leave the server. Each channel
 * keeps the last seq it mirrored ({@code chat_channel.mirrored_seq}), so a restart or another node carries on where
 * it stood; a post that fails is tried again at the next append or poll.
 */
@ApplicationScoped
public class ChatMirror implements AppendListener {

    private static final Logger LOG = Logger.getLogger(ChatMirror.class);
    private static final int PAGE = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final ChatConfig config;
    private final SlackApi slack;
    private final EventLog log;
    private final ObjectMapper mapper;
    private final java.time.Clock clock;
    private final ChatSecrets secrets;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sitroom-chat");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean kicked = new AtomicBoolean();

    public ChatMirror(ChatConfig config, SlackApi slack, EventLog log, ObjectMapper mapper, java.time.Clock clock, ChatSecrets secrets,
            WebhookTargets targets, WebhookSender sender) {
        this.secrets = secrets;
        this.targets = targets;
        this.sender = sender;
        this.config = config;
        this.slack = slack;
        this.log = log;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void appended(UUID roomId, List<RecordedEvent> events) {
        kick();
    }

    /** Mirrors soon, on the chat thread. */
    public void kick() {
        if (!enabled()) {
            return;
        }
        if (kicked.compareAndSet(false, true)) {
            worker.execute(() -> {
                kicked.set(false);
                mirrorDue();
            });
        }
    }

    /** Runs a task on the chat thread (answers to chat users that must not hold up the platform's request). */
    void later(Runnable task) {
        worker.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf("chat: %s", e.toString());
            }
        });
    }

    @Scheduled(every = "${sitroom.chat.poll-interval:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (enabled()) {
            mirrorDue();
        }
    }

    private boolean enabled() {
        return config.slack().botToken().isPresent() || config.mattermost().webhookUrl().isPresent()
                || config.teams().webhookSecret().isPresent() && secrets.configured();
    }

    private record Target(UUID id, UUID roomId, ChatPlatform platform, String channelId, String channelName, long mirroredSeq,
            String workflowSealed) {
    }

    private record Pending(UUID id, String title, String inviteUser) {
    }

    /** Creates the Slack channels still to be made, then posts what every channel is behind by; returns how many posts. */
    public synchronized int mirrorDue() {
        int posted = 0;
        try {
            provisionPending();
            List<Target> behind = QuarkusTransaction.requiringNew().call(() -> ChatChannel.getEntityManager().createQuery(
                    "select c from ChatChannel c, Room r where r.id = c.roomId and c.channelId is not null"
                            + " and (c.platform <> ?1 or c.workflowSealed is not null) and r.headSeq > c.mirroredSeq",
                    ChatChannel.class).setParameter(1, ChatPlatform.TEAMS.wire()).getResultList().stream()
                    .map(c -> new Target(c.id, c.roomId, c.chatPlatform(), c.channelId, c.channelName, c.mirroredSeq, c.workflowSealed))
                    .toList());
            for (Target target : behind) {
                posted += mirror(target);
            }
        } catch (RuntimeException e) {
            LOG.warnf("chat: the mirror could not run: %s", e.toString());
        }
        return posted;
    }

    private int mirror(Target target) {
        if (!canPost(target.platform())) {
            return 0;
        }
        int posted = 0;
        long after = target.mirroredSeq();
        while (true) {
            long from = after;
            record Page(String title, List<RecordedEvent> events) {
            }
            Page page = QuarkusTransaction.requiringNew().call(() -> new Page(Room.<Room> findById(target.roomId()).title,
                    log.page(target.roomId(), from, PAGE)));
            if (page.events().isEmpty()) {
                return posted;
            }
            for (RecordedEvent event : page.events()) {
                if (event.forEveryone()) {
                    try {
                        post(target, page.title(), event);
                        posted++;
                    } catch (Exception e) {
                        LOG.warnf("chat: posting seq %d of room %s to %s failed (tried again later): %s", event.seq(), target.roomId(),
                                target.platform().title(), e.getMessage());
                        return posted;
                    }
                }
                long seq = event.seq();
                long before = after;
                int moved = QuarkusTransaction.requiringNew().call(() -> ChatChannel.update(
                        "mirroredSeq = ?1 where id = ?2 and mirroredSeq = ?3", seq, target.id(), before));
                if (moved != 1) {
                    return posted; // another node is mirroring this channel
                }
                after = seq;
            }
        }
    }

    private boolean canPost(ChatPlatform platform) {
        return switch (platform) {
            case SLACK -> config.slack().botToken().isPresent();
            case MATTERMOST -> config.mattermost().webhookUrl().isPresent();
            // An outgoing webhook can only answer: a Teams channel is mirrored through the workflow URL it was given.
            case TEAMS -> config.teams().webhookSecret().isPresent() && secrets.configured();
        };
    }

    private void post(Target target, String roomTitle, RecordedEvent event) throws Exception {
        String text = ChatMessages.text(roomTitle, event);
        List<ChatButtons.Button> buttons = ChatButtons.of(event.payload());
        if (target.platform() == ChatPlatform.SLACK) {
            slack.postMessage(target.channelId(), text, ChatMessages.slackBlocks(text, buttons));
        } else if (target.platform() == ChatPlatform.MATTERMOST) {
            String actionUrl = config.mattermost().callbackUrl().map(url -> url.replaceAll("/+$", "") + "/api/chat/mattermost/actions")
                    .orElse(null);
            String token = config.mattermost().actionToken().or(() -> config.mattermost().commandToken()).orElse(null);
            String body = mapper.writeValueAsString(ChatMessages.mattermost(target.channelName(), text, buttons, actionUrl, token));
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(config.mattermost().webhookUrl().get()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
        } else if (target.platform() == ChatPlatform.TEAMS) {
            URI workflow = URI.create(secrets.openWorkflow(target.id(), target.workflowSealed()));
            // Checked again at each post, and sent to the very address checked (a name that resolves elsewhere a
            // moment later is not asked again), as outbound webhooks are.
            WebhookTargets.Check check = targets.check(workflow);
            if (check instanceof WebhookTargets.Refused refused) {
                throw new IllegalStateException(refused.reason());
            }
            String roomUrl = config.publicUrl().map(url -> url.replaceAll("/+$", "") + "/rooms/" + target.roomId()).orElse(null);
            String body = mapper.writeValueAsString(ChatMessages.teams(roomTitle, event, buttons, roomUrl));
            // The workflow answers 202 Accepted once it has the request; the flow posts the card.
            int status = sender.post(workflow, (WebhookTargets.Allowed) check, Map.of("Content-Type", "application/json"), body);
            if (status / 100 != 2) {
                throw new IllegalStateException("HTTP " + status);
            }
        }
    }

    /** Slack channels of rooms declared from Slack: created, the declarer invited, then mirrored from the room's first event. */
    private void provisionPending() {
        if (config.slack().botToken().isEmpty()) {
            return;
        }
        List<Pending> pending = QuarkusTransaction.requiringNew().call(() -> ChatChannel.<ChatChannel> list(
                "platform = ?1 and channelId is null", ChatPlatform.SLACK.wire()).stream()
                .map(c -> new Pending(c.id, Room.<Room> findById(c.roomId).title, c.inviteUser)).toList());
        for (Pending channel : pending) {
            String base = channelName(config.slack().channelPrefix(), clock.instant(), channel.title());
            String id = null;
            String name = base;
            try {
                for (int attempt = 1; id == null; attempt++) {
                    name = attempt == 1 ? base : base + "-" + attempt;
                    try {
                        id = slack.createChannel(name, config.slack().privateChannels());
                    } catch (SlackApi.SlackError e) {
                        if (!"name_taken".equals(e.error()) || attempt >= 5) {
                            throw e;
                        }
                    }
                }
                if (channel.inviteUser() != null) {
                    slack.invite(id, channel.inviteUser());
                }
            } catch (SlackApi.SlackError e) {
                if (id == null) {
                    LOG.warnf("chat: the Slack channel for room %s could not be created (tried again later): %s", channel.id(), e.getMessage());
                    continue;
                }
                LOG.warnf("chat: the declarer could not be invited to Slack channel %s: %s", id, e.getMessage());
            }
            String channelId = id;
            String channelName = name;
            QuarkusTransaction.requiringNew().run(() -> ChatChannel.update("channelId = ?1, channelName = ?2 where id = ?3 and channelId is null",
                    channelId, channelName, channel.id()));
        }
    }

    /** Slack's rules: lower case, letters, digits, hyphens and underscores, at most 80 characters. */
    static String channelName(String prefix, java.time.Instant now, String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("(^-+|-+$)", "");
        String name = (prefix + DAY.format(now) + (slug.isEmpty() ? "" : "-" + slug)).toLowerCase(Locale.ROOT);
        return name.length() > 74 ? name.substring(0, 74).replaceAll("-+$", "") : name;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
