package io.sitroom.webhook;

import io.sitroom.room.EventView;

/** One line of text for a Slack-compatible webhook. */
final class SlackText {

    private SlackText() {
    }

    static String of(String roomTitle, EventView e) {
        String by = e.actor() == null ? "" : " by " + e.actor().displayName();
        String what = "";
        for (String key : new String[] { "title", "text", "summary", "to", "role" }) {
            if (e.data().hasNonNull(key) && e.data().get(key).isValueNode()) {
                what = ": " + e.data().get(key).asText();
                break;
            }
        }
        if (what.length() > 300) {
            what = what.substring(0, 297) + "...";
        }
        return "[Sitroom] " + roomTitle + " #" + e.seq() + " " + e.kind() + by + what;
    }
}
