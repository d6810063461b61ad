package io.sitroom.subscriber;

/** The model of one subscriber mail ({@code templates/mail/status-update.txt} and {@code .html}). */
public record StatusMail(String pageName, String incident, String status, String title, String body, String textHash, String at,
        String pageUrl, String unsubscribeUrl) {
}
