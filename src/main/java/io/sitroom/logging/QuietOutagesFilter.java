package io.sitroom.logging;

import java.util.List;
import java.util.Locale;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;
import io.sitroom.error.DatabaseUnavailable;
import io.sitroom.error.OutageLog;

/**
 * The log filter of every handler (console, file): keeps tokens out ({@link RedactTokensFilter}) and keeps a database
 * outage to the node's two lines ({@link OutageLog}). Without it, a 5 s outage logged about 150 WARN lines and stack
 * traces per node: the pool (Agroal) for each connection it could not open, the transaction manager (Narayana) for
 * each rollback that failed, Hibernate for each SQL error, each with the same cause. Those libraries' lines are
 * dropped while the node knows the database is away, and any time they are about a connection failure; everything
 * else they say (a constraint violation, a deadlock, a slow pool) is kept.
 */
@LoggingFilter(name = "sitroom")
public final class QuietOutagesFilter implements Filter {

    /** The libraries that log each failed connection, statement and rollback of an outage on their own. */
    private static final List<String> DATABASE_LIBRARIES = List.of("io.agroal", "io.quarkus.agroal", "com.arjuna", "io.quarkus.narayana",
            "org.hibernate", "io.quarkus.hibernate", "org.postgresql", "org.flywaydb");
    /** How Hibernate's SQL error lines (which carry no exception) say that the connection failed. */
    private static final List<String> CONNECTION_FAILURES = List.of("sqlstate: 08", "sqlstate: 57p0", "connection to ", "connection refused",
            "i/o error", "acquisition timeout", "connection has been closed", "terminating connection");

    private final RedactTokensFilter redact = new RedactTokensFilter();

    @Override
    public boolean isLoggable(LogRecord record) {
        return redact.isLoggable(record) && !isOutageNoise(record);
    }

    static boolean isOutageNoise(LogRecord record) {
        if (record.getLevel().intValue() < Level.INFO.intValue() || !fromDatabaseLibrary(record.getLoggerName())) {
            return false;
        }
        return OutageLog.nodeIsDown() || DatabaseUnavailable.isCause(record.getThrown()) || saysConnectionFailed(record);
    }

    private static boolean fromDatabaseLibrary(String category) {
        return category != null && DATABASE_LIBRARIES.stream().anyMatch(category::startsWith);
    }

    private static boolean saysConnectionFailed(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return CONNECTION_FAILURES.stream().anyMatch(lower::contains);
    }
}
