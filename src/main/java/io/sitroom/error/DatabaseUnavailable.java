package io.sitroom.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * When the database cannot be reached, every HTTP request that needed it (signing in, reading a
 * room, checking a token) answers {@code 503 unavailable} with the protocol's error body and a
 * {@code Retry-After}, rather than a bare 500: clients keep their token and try again.
 */
@ApplicationScoped
public class DatabaseUnavailable {

    public static final String MESSAGE = "the database cannot be reached; nothing was changed, try again shortly";

    private final String body;

    public DatabaseUnavailable(ObjectMapper json) throws JsonProcessingException {
        this.body = json.writeValueAsString(new ApiError(ErrorCode.UNAVAILABLE, MESSAGE).asBody());
    }

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!isCause(context.failure()) || context.response().headWritten()) {
            context.next();
            return;
        }
        OutageLog.nodeFailed(context.failure());
        context.response().setStatusCode(ErrorCode.UNAVAILABLE.httpStatus())
                .putHeader("Content-Type", "application/json")
                .putHeader("Retry-After", "5")
                .end(body);
    }

    /** Whether a failure comes from a database that could not be reached (connection refused, lost, shut down, or none free in time). */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // Agroal's pool gives no connection in time (all busy, or none can be opened): a plain
            // SQLException known only by its message ("Sorry, acquisition timeout!", or "Acquisition timeout while
            // waiting for new connection", which Hibernate wraps as "Unable to acquire JDBC Connection"); to a client it
            // is the same "try again shortly" (an upgrade answered 500 before this was known, NginxIT).
            if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().toLowerCase(java.util.Locale.ROOT)
                    .contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
