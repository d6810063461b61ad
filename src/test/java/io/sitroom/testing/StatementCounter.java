package io.sitroom.testing;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Counts the SQL statements a piece of work prepares on the calling thread (and only while it is
 * counted: other threads and other tests are not affected), to prove a read is a constant number of queries.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

    public record Counted<T>(T value, int statements) {
    }

    @Override
    public String inspect(String sql) {
        int[] count = COUNT.get();
        if (count != null) {
            count[0]++;
        }
        return sql;
    }

    /** Runs the work on this thread and counts the statements it prepared. */
    public static <T> Counted<T> count(Supplier<T> work) {
        int[] count = new int[1];
        COUNT.set(count);
        try {
            T value = work.get();
            return new Counted<>(value, count[0]);
        } finally {
            COUNT.remove();
        }
    }
}
