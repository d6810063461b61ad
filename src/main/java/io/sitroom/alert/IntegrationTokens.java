package io.sitroom.alert;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.sitroom.security.ServiceTokens;

/** An integration's token opens alert intake, and nothing else. */
@ApplicationScoped
public class IntegrationTokens implements ServiceTokens {

    private final AlertService alerts;

    public IntegrationTokens(AlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public String prefix() {
        return AlertService.TOKEN_PREFIX;
    }

    @Override
    public boolean validOn(String path) {
        return path.equals("/api/alerts");
    }

    @Override
    public Optional<SecurityIdentity> identify(String token) {
        return alerts.resolve(token).map(integration -> QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(AlertResource.INTEGRATION + ":" + integration.id))
                .addRole(AlertResource.INTEGRATION).build());
    }
}
