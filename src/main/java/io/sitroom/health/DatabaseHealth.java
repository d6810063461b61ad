package io.sitroom.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/database}: whether this node reaches the database now. For monitoring and alerting, not
 * for a balancer's routing ({@link NodeReadiness} says why).
 */
@HealthGroup(DatabaseHealth.GROUP)
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    static final String GROUP = "database";
    private static final int VALID_WITHIN_SECONDS = 2;

    private final DataSource database;

    public DatabaseHealth(DataSource database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = database.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(VALID_WITHIN_SECONDS)).build();
        } catch (SQLException e) {
            // No reason in the answer (anyone may read /q/health; the driver's message names hosts): the log has it, once.
            return HealthCheckResponse.named("database").down().build();
        }
    }
}
