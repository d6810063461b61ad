package io.sitroom.mail;

/**
 * A small server-rendered page for links in mails ({@code templates/mail/page.html}): a message, and when there is
 * something to do, a form with one button that posts the link's token (links only show it; the POST acts, so a mail
 * scanner that opens links does nothing). {@code back}: a link under the message, or null.
 */
public record FormPage(String title, String message, String action, String token, String button, String back) {

    public static FormPage message(String title, String message, String back) {
        return new FormPage(title, message, null, null, null, back);
    }

    public static FormPage form(String title, String message, String action, String token, String button, String back) {
        return new FormPage(title, message, action, token == null ? "" : token, button, back);
    }
}
