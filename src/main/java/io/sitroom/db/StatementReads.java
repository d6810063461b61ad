package io.sitroom.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/**
 * Reads of a single statement, made without a transaction of their own: the lookups every socket
 * makes as it opens (signing its token in, the upgrade's membership check, finding a shared welcome
 * snapshot). One statement sees one consistent view of the database by itself, so a transaction would
 * add only its cost: the transaction manager's work and a commit, for each of thousands of sockets
 * opening at once. Outside a transaction the statement runs on a connection in auto-commit mode; inside
 * one (a caller's {@code @Transactional}) it runs in that transaction.
 *
 * <p>Each read opens a stateless session of its own on the calling thread and closes it before it
 * returns: nothing is shared across threads or kept, and the entities it returns are detached (read
 * them; loading a lazy association or saving a change is not possible).
 */
@ApplicationScoped
public class StatementReads {

    private final SessionFactory sessions;

    public StatementReads(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public <T> T read(Function<StatelessSession, T> statement) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            return statement.apply(session);
        }
    }
}
