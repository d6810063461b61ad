package io.sitroom.webhook;

import io.sitroom.chain.Checkpoint;
import io.sitroom.room.RecordedEvent;

/**
 * What a chat message says about one event, as plain text not yet escaped: the room's title, the
 * event's seq and kind, who did it and what. User text is put on one line (line breaks would start
 * lists and quotes in chat formats) and the brief is cut to {@value #MAX_BRIEF} characters.
 */
public record ChatLine(String roomTitle, long seq, String kind, String by, String what) {

    static final int MAX_BRIEF = 300;
    /** How much of a head hash a chat message shows: enough to compare by eye with a kept checkpoint. */
    static final int HEAD_PREFIX = 12;

    public static ChatLine of(String roomTitle, RecordedEvent e) {
        String brief = oneLine(e.payload().brief());
        if (brief.length() > MAX_BRIEF) {
            brief = brief.substring(0, MAX_BRIEF - 3) + "...";
        }
        return new ChatLine(oneLine(roomTitle), e.seq(), e.kind(), e.actor() == null ? null : oneLine(e.actor().displayName()), brief);
    }

    /** What a chat message says about a signed checkpoint: {@code checkpoint signed at seq 12, head 3f2a9c1b04de}. */
    static String checkpointSigned(Checkpoint checkpoint) {
        String head = checkpoint.headHash();
        return "checkpoint signed at seq " + checkpoint.seq() + ", head " + head.substring(0, Math.min(HEAD_PREFIX, head.length()));
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
