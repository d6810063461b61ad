package io.sitroom.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.sitroom.testing.Api;

/**
 * No bind value reaches the log, though the operator set the SQL categories to TRACE ({@link ProductionLike}):
 * not a password hash in a failed insert (on PostgreSQL, in the pg profile, neither the server's "Failing row
 * contains" detail), nor any value of a successful one.
 */
@QuarkusTest
@TestProfile(ProductionLike.class)
class SecretsInLogsTest {

    @Inject
    EntityManager entityManager;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record instanceof ExtLogRecord ext ? String.valueOf(ext.getFormattedMessage())
                    : String.valueOf(record.getMessage()));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append('\n').append(t);
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureEverything() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void theSqlCategories_turnedToTraceByConfiguration_stayAtInfo() {
        for (String category : new String[] { "org.hibernate.orm.jdbc.bind", "org.hibernate.orm.jdbc.extract", "org.postgresql" }) {
            assertFalse(Logger.getLogger(category).isLoggable(Level.FINE), category);
        }
    }

    @Test
    void aFailedAccountInsert_logsNoPasswordHash() {
        String secretHash = "$2a$04$secret-hash-" + UUID.randomUUID();
        RuntimeException failed = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("insert into app_user (id, username, display_name, password_hash, admin, created_at)"
                        + " values (?1, ?2, null, ?3, false, ?4)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, "no-name-" + UUID.randomUUID().toString().substring(0, 8))
                .setParameter(3, secretHash).setParameter(4, Instant.now()).executeUpdate()));
        for (Throwable t = failed; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secretHash), "the exception quotes no bind value: " + t);
        }
        assertTrue(logged.stream().noneMatch(line -> line.contains(secretHash)), () -> String.join("\n", logged));
    }

    @Test
    void creatingAnAccount_logsNeitherItsPasswordNorItsHash() {
        Api.User user = Api.newUser("Logged");
        String hash = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser> findById(user.id()).passwordHash);
        assertTrue(logged.stream().noneMatch(line -> line.contains(hash) || line.contains("password-" + user.username())),
                () -> String.join("\n", logged));
    }
}
