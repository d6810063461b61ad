package io.sitroom.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps signed tokens out of the log: a JWT (an ID or access token) in any record's message is replaced by
 * {@code [redacted JWT]}. quarkus-oidc quotes the whole token when it rejects one (a bad signature, another
 * audience); such a token may still be valid elsewhere. A {@code token}, {@code ticket} or {@code code} in a URL's query
 * (a failed upgrade's URI, as Quarkus' error handler logs it) becomes {@code [redacted]}.
 */
@LoggingFilter(name = "redact-tokens")
public final class RedactTokensFilter implements Filter {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*)?");
    /**
     * A token, ticket or invitation code in a quoted URL's query: Quarkus' error handler logs the URI of a failed request
     * with its query, and a socket's upgrade may carry {@code ?token=}.
     */
    private static final Pattern QUERY_SECRET = Pattern.compile("([?&](?:token|ticket|code)=)[^&\\s\"']+");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (message != null && (message.contains("eyJ") || message.contains("token=") || message.contains("ticket=")
                || message.contains("code="))) {
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
        String withoutJwts = JWT.matcher(text).replaceAll("[redacted JWT]");
        return QUERY_SECRET.matcher(withoutJwts).replaceAll("$1[redacted]");
    }
}
