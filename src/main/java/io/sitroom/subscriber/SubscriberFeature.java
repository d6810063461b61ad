package io.sitroom.subscriber;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.comms.CommsEvent;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.Room;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomFeature;
import io.sitroom.room.RoomKind;
import io.sitroom.statuspage.PublicUpdate;
import io.sitroom.statuspage.StatusPageEvent;
import io.sitroom.statuspage.StatusPageFeature;

/**
 * Notes, in the unit of work, what the status page's subscribers may have to be told: an incident's published
 * statement, the latest one when a room is made public, its resolution. Whether the page shows it (the room is
 * public, the statement published) is decided when it is mailed ({@link SubscriberMailer}), from the page's own
 * projection, so a subscriber is mailed exactly what the page shows.
 */
@ApplicationScoped
public class SubscriberFeature implements RoomFeature {

    private final StatusPageFeature statusPage;

    public SubscriberFeature(StatusPageFeature statusPage) {
        this.statusPage = statusPage;
    }

    @Override
    public void project(Room room, RecordedEvent event) {
        if (room.kind != RoomKind.INCIDENT) {
            return;
        }
        EventPayload payload = event.payload();
        if (payload instanceof CommsEvent.StatementPublished) {
            notice(room.id, event, event.seq(), SubscriberNotice.UPDATE);
        } else if (payload instanceof StatusPageEvent.MadePublic) {
            // What was published before the room became public appears now: its latest statement is news.
            PublicUpdate latest = PublicUpdate.find("roomId = ?1 order by seq desc", room.id).firstResult();
            if (latest != null) {
                notice(room.id, event, latest.seq, SubscriberNotice.UPDATE);
            }
        } else if (payload instanceof RoomEvent.PhaseChanged changed && statusPage.resolves(room, changed)) {
            notice(room.id, event, event.seq(), SubscriberNotice.RESOLVED);
        }
    }

    private static void notice(UUID roomId, RecordedEvent event, long seq, String kind) {
        SubscriberNotice notice = new SubscriberNotice();
        notice.id = UUID.randomUUID();
        notice.roomId = roomId;
        notice.seq = seq;
        notice.kind = kind;
        notice.createdAt = event.at();
        notice.expanded = false;
        notice.persist();
    }
}
