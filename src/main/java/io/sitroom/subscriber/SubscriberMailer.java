package io.sitroom.subscriber;

import java.util.List;
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
import io.sitroom.statuspage.PublicIncident;
import io.sitroom.statuspage.PublicUpdate;
import io.sitroom.statuspage.StatusPageConfig;
import io.sitroom.statuspage.StatusPageFeature;

/**
 * Mails each notice to every confirmed subscriber, if the status page shows it now: the room is public, the
 * statement is the page's published copy ({@code status_page_update}), the resolution is the page's status. A
 * notice the page does not show is dropped; a statement mailed once is not mailed again (made private and public
 * again). Each notice is claimed by a conditional update, so on several nodes one mails it.
 */
@ApplicationScoped
public class SubscriberMailer {

    private static final Logger LOG = Logger.getLogger(SubscriberMailer.class);
    /** Notices read at once; a run goes on page after page until the backlog is drained, oldest first. */
    private static final int BATCH = 100;
    private final OutageLog outage = new OutageLog(LOG, "status page subscribers");

    private final MailOutbox outbox;
    private final StatusPageConfig page;
    private final Template text;
    private final Template html;

    public SubscriberMailer(MailOutbox outbox, StatusPageConfig page, @Location("mail/status-update.txt") Template text,
            @Location("mail/status-update.html") Template html) {
        this.outbox = outbox;
        this.page = page;
        this.text = text;
        this.html = html;
    }

    @Scheduled(every = "${sitroom.subscribers.poll-interval:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        mailDue();
    }

    /** Mails every pending notice, oldest first (each is expanded once, then marked); returns how many mails were queued. */
    public synchronized int mailDue() {
        int queued = 0;
        while (true) {
            List<UUID> notices;
            try {
                notices = QuarkusTransaction.requiringNew().call(() -> SubscriberNotice.<SubscriberNotice> find("expanded",
                        Sort.ascending("createdAt", "seq"), false).page(0, BATCH).list().stream().map(n -> n.id).toList());
                outage.succeeded();
            } catch (RuntimeException e) {
                if (!outage.failed(e)) {
                    LOG.warnf("status page notices could not be read: %s", e.getMessage());
                }
                return queued;
            }
            for (UUID id : notices) {
                queued += QuarkusTransaction.requiringNew().call(() -> expand(id));
            }
            if (notices.size() < BATCH) {
                return queued;
            }
        }
    }

    private int expand(UUID id) {
        SubscriberNotice notice = SubscriberNotice.findById(id);
        if (notice == null || notice.expanded || SubscriberNotice.update("expanded = true where id = ?1 and expanded = false", id) != 1) {
            return 0;
        }
        PublicIncident incident = PublicIncident.findById(notice.roomId);
        PublicUpdate latest = PublicUpdate.find("roomId = ?1 order by seq desc", notice.roomId).firstResult();
        boolean mailedBefore = SubscriberNotice.count("roomId = ?1 and seq = ?2 and kind = ?3 and expanded = true and id <> ?4",
                notice.roomId, notice.seq, notice.kind, notice.id) > 0;
        StatusMail template;
        if (incident == null || !incident.isPublic || latest == null || mailedBefore) {
            template = null; // not on the page (or told already): nothing leaves
        } else if (SubscriberNotice.UPDATE.equals(notice.kind)) {
            PublicUpdate update = PublicUpdate.findById(new PublicUpdate.Key(notice.roomId, notice.seq));
            template = update == null ? null : new StatusMail(page.name(), latest.title, update.status, update.title, update.body,
                    update.textHash, time(update.publishedAt), pageUrl(), null);
        } else if (StatusPageFeature.isResolved(incident)) {
            template = new StatusMail(page.name(), latest.title, "resolved", "Resolved", "This incident has been resolved.", null,
                    time(incident.resolvedAt), pageUrl(), null);
        } else {
            template = null;
        }
        if (template == null) {
            notice.delete();
            return 0;
        }
        int queued = 0;
        for (Subscriber subscriber : Subscriber.<Subscriber> list("confirmedAt is not null")) {
            String unsubscribe = outbox.link("/status/unsubscribe?token=" + subscriber.unsubscribeToken);
            StatusMail mail = new StatusMail(template.pageName(), template.incident(), template.status(), template.title(), template.body(),
                    template.textHash(), template.at(), template.pageUrl(), unsubscribe);
            String subject = "[" + mail.pageName() + "] " + (SubscriberNotice.RESOLVED.equals(notice.kind) ? "Resolved: " + mail.incident()
                    : mail.title());
            outbox.queue(new MailOutbox.Message(MailOutbox.Category.SUBSCRIBER, null, subscriber.email, subject,
                    text.data("mail", mail).render(), html.data("mail", mail).render(), unsubscribe));
            queued++;
        }
        return queued;
    }

    private String pageUrl() {
        return page.url().orElseGet(() -> outbox.link("/status"));
    }

    private static String time(java.time.Instant at) {
        return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(at);
    }
}
