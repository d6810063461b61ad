package io.sitroom.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.error.OutageLog;
import io.sitroom.mail.MailOutbox;
import io.sitroom.mail.OutgoingMail;
import io.sitroom.room.Room;
import io.sitroom.security.AppUser;

/**
 * Turns each person's pending notifications into one mail when {@link Batching} says it is due (their batch
 * window or digest has passed and their hourly limit allows one more), in plain text and HTML, queued in the
 * outbox. A person with no verified address, a disabled account, or who does not want a kind, is mailed nothing
 * of it. On several nodes the rows are claimed by a conditional update, so each goes into one mail.
 */
@ApplicationScoped
public class NotificationMailer {

    private static final Logger LOG = Logger.getLogger(NotificationMailer.class);
    private final OutageLog outage = new OutageLog(LOG, "member notifications");

    private final MailOutbox outbox;
    private final Clock clock;
    private final Batching.Rules rules;
    private final Template text;
    private final Template html;

    public NotificationMailer(MailOutbox outbox, Clock clock, NotificationConfig config,
            @Location("mail/notifications.txt") Template text, @Location("mail/notifications.html") Template html) {
        this.outbox = outbox;
        this.clock = clock;
        this.rules = new Batching.Rules(config.batchWindow(), config.digestInterval(), config.perHour());
        this.text = text;
        this.html = html;
    }

    @Scheduled(every = "${sitroom.notifications.poll-interval:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        mailDue();
    }

    /** Queues a mail for everyone whose notifications are due now; returns how many mails were queued. */
    public synchronized int mailDue() {
        List<UUID> people;
        try {
            people = QuarkusTransaction.requiringNew().call(() -> Notification.getEntityManager()
                    .createQuery("select distinct n.userId from Notification n where n.status = ?1", UUID.class)
                    .setParameter(1, Notification.PENDING).getResultList());
            outage.succeeded();
        } catch (RuntimeException e) {
            if (!outage.failed(e)) {
                LOG.warnf("pending notifications could not be read: %s", e.getMessage());
            }
            return 0;
        }
        int queued = 0;
        for (UUID person : people) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> mailOne(person))) {
                    queued++;
                }
            } catch (RuntimeException e) {
                LOG.debugf("notifications of %s not mailed this time: %s", person, e.getMessage());
            }
        }
        return queued;
    }

    private boolean mailOne(UUID userId) {
        Instant now = clock.instant();
        List<Notification> pending = Notification.list("userId = ?1 and status = ?2", Sort.ascending("createdAt", "seq"), userId,
                Notification.PENDING);
        if (pending.isEmpty()) {
            return false;
        }
        AppUser user = AppUser.findById(userId);
        NotificationSettings.Choice choice = NotificationSettings.of(userId);
        List<Notification> wanted = new ArrayList<>();
        for (Notification n : pending) {
            if (user == null || user.isDisabled() || user.email == null || !user.emailVerified || !choice.wants(n.kind)) {
                n.status = Notification.SKIPPED;
            } else {
                wanted.add(n);
            }
        }
        if (wanted.isEmpty()) {
            return false;
        }
        List<Instant> recent = OutgoingMail.getEntityManager()
                .createQuery("select m.createdAt from OutgoingMail m where m.userId = ?1 and m.category = ?2 and m.createdAt > ?3", Instant.class)
                .setParameter(1, userId).setParameter(2, MailOutbox.Category.NOTIFICATION.wire())
                .setParameter(3, now.minus(Duration.ofHours(1))).getResultList();
        if (!Batching.due(wanted.get(0).createdAt, choice.digest(), recent, rules, now)) {
            return false;
        }
        NotificationMail model = model(user, wanted);
        UUID mailId = outbox.queue(new MailOutbox.Message(MailOutbox.Category.NOTIFICATION, userId, user.email, subject(model),
                text.data("mail", model).render(), html.data("mail", model).render(), null));
        int claimed = Notification.update("status = ?1, mailId = ?2 where id in ?3 and status = ?4", Notification.MAILED, mailId,
                wanted.stream().map(n -> n.id).toList(), Notification.PENDING);
        if (claimed != wanted.size()) {
            throw new IllegalStateException("another node mailed some of these notifications meanwhile");
        }
        return true;
    }

    private NotificationMail model(AppUser user, List<Notification> notifications) {
        Map<UUID, List<NotificationMail.Line>> byRoom = new LinkedHashMap<>();
        for (Notification n : notifications) {
            byRoom.computeIfAbsent(n.roomId, id -> new ArrayList<>()).add(new NotificationMail.Line(NotificationFeature.time(n.createdAt), n.line));
        }
        List<NotificationMail.RoomPart> rooms = new ArrayList<>();
        byRoom.forEach((roomId, lines) -> {
            Room room = Room.findById(roomId);
            rooms.add(new NotificationMail.RoomPart(room == null ? "A room" : room.title, outbox.link("/rooms/" + roomId), lines));
        });
        return new NotificationMail(user.displayName, notifications.size(), rooms, outbox.link("/settings"));
    }

    private static String subject(NotificationMail mail) {
        if (mail.count() == 1) {
            NotificationMail.RoomPart room = mail.rooms().get(0);
            return "[" + room.title() + "] " + room.lines().get(0).text();
        }
        return "Sitroom: " + mail.count() + " notifications" + (mail.rooms().size() == 1 ? " in " + mail.rooms().get(0).title()
                : " in " + mail.rooms().size() + " rooms");
    }
}
