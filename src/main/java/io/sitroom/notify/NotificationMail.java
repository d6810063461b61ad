package io.sitroom.notify;

import java.util.List;

/** The model of one notification mail ({@code templates/mail/notifications.txt} and {@code .html}). */
public record NotificationMail(String name, int count, List<RoomPart> rooms, String settingsUrl) {

    /** One room's notifications, oldest first. */
    public record RoomPart(String title, String url, List<Line> lines) {
    }

    public record Line(String at, String text) {
    }
}
