package io.sitroom.chat;

import java.util.UUID;

/** What Sitroom answers a chat user: plain text, whether it worked, and the room concerned (when there is one). */
public record ChatReply(boolean ok, String text, UUID roomId) {

    static ChatReply ok(String text, UUID roomId) {
        return new ChatReply(true, text, roomId);
    }

    static ChatReply refused(String text) {
        return new ChatReply(false, text, null);
    }
}
