package io.sitroom.chat;

/** The chat platforms Sitroom answers; {@link #wire()} is how they are stored and how command ids are namespaced. */
public enum ChatPlatform {
    SLACK("Slack"),
    MATTERMOST("Mattermost"),
    TEAMS("Teams");

    private final String title;

    ChatPlatform(String title) {
        this.title = title;
    }

    public String wire() {
        return name().toLowerCase();
    }

    public String title() {
        return title;
    }
}
