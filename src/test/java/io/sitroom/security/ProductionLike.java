package io.sitroom.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile as a production node would be set up, by an operator who also turned SQL logging up to TRACE
 * (which the minimum levels in application.properties promote back to INFO). One profile for every test class
 * that needs it, so that Quarkus starts once for all of them.
 */
public final class ProductionLike implements QuarkusTestProfile {

    static final String METRICS_TOKEN = "metrics-token-for-tests-0123456789abcdef";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("sitroom.security.platform-endpoints", "protected",
                "sitroom.security.metrics-token", METRICS_TOKEN,
                "quarkus.log.category.\"org.hibernate.orm.jdbc.bind\".level", "TRACE",
                "quarkus.log.category.\"org.hibernate.orm.jdbc.extract\".level", "TRACE",
                "quarkus.log.category.\"org.hibernate.type\".level", "TRACE",
                "quarkus.log.category.\"org.postgresql\".level", "TRACE",
                "quarkus.log.category.\"org.hibernate.SQL\".level", "DEBUG");
    }
}
