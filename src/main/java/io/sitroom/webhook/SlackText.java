package io.sitroom.webhook;

import io.sitroom.room.RecordedEvent;

/** One line of text for a Slack-compatible webhook. */
final class SlackText {

    private SlackText() {
    }

    static String of(String roomTitle, RecordedEvent e) {
        String by = e.actor() == null ? "" : " by " + e.actor().displayName();
        String brief = e.payload().brief();
        String what = brief.isEmpty() ? "" : ": " + brief;
        if (what.length() > 300) {
            what = what.substring(0, 297) + "...";
        }
        return "[Sitroom] " + roomTitle + " #" + e.seq() + " " + e.kind() + by + what;
    }
}
