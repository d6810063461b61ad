package io.sitroom.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class RedactTokensFilterTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz_-";

    @Test
    void aJwtInAFormattedMessage_isRedacted_andTheRestKept() {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "ID token verification has failed: %s", ExtLogRecord.FormatStyle.PRINTF,
                "x");
        record.setParameters(new Object[] { "Invalid JWS Signature: {...}->" + JWT + " (more)" });
        assertTrue(new RedactTokensFilter().isLoggable(record));
        String message = record.getFormattedMessage();
        assertFalse(message.contains("c2lnbmF0dXJl"), message);
        assertEquals("ID token verification has failed: Invalid JWS Signature: {...}->[redacted JWT] (more)", message);
    }

    @Test
    void otherMessages_areLeftAlone() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Room %s opened", ExtLogRecord.FormatStyle.PRINTF, "x");
        record.setParameters(new Object[] { "r-1" });
        assertTrue(new RedactTokensFilter().isLoggable(record));
        assertEquals("Room r-1 opened", record.getFormattedMessage());
    }

    @Test
    void aTokenOrTicketInAQuotedQueryString_isRedacted() {
        assertEquals("HTTP Request to /ws/rooms/r1?token=[redacted]&since=4 failed",
                RedactTokensFilter.redact("HTTP Request to /ws/rooms/r1?token=B9ipLZ3BfipafD1gUYSlVbyuxEp5s5WcA5gww32hiCA&since=4 failed"));
        assertEquals("GET /ws/rooms/r1?ticket=[redacted]", RedactTokensFilter.redact("GET /ws/rooms/r1?ticket=abc-123"));
    }
}
