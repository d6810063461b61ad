package io.sitroom.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps signed tokens out of the log: a JWT (an ID or access token) in any record's message is replaced by
 * {@code [redacted JWT]}. quarkus-oidc quotes the whole token when it rejects one (a bad signature, another
 * audience); such a token may still be valid elsewhere. Sitroom's own tokens are never logged at all.
 */
@LoggingFilter(name = "redact-tokens")
public final class RedactTokensFilter implements Filter {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*)?");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (message != null && message.contains("eyJ")) {
            String redacted = redact(message);
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        return true;
    }

    public static String redact(String text) {
        return JWT.matcher(text).replaceAll("[redacted JWT]");
    }
}
