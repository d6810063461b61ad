package io.sitroom.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.sitroom.security.OidcProviderWatch;
import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/sign-in}: whether the company's identity provider answers (UP when company sign-in is off).
 * For monitoring and alerting, not for a balancer's routing: every node sees the same provider ({@link NodeReadiness}).
 */
@HealthGroup(SignInHealth.GROUP)
@ApplicationScoped
public class SignInHealth implements HealthCheck {

    static final String GROUP = "sign-in";

    private final OidcProviderWatch provider;

    public SignInHealth(OidcProviderWatch provider) {
        this.provider = provider;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("company-sign-in").status(!provider.unreachable());
        if (!provider.enabled()) {
            response.withData("companySignIn", "off");
        } else {
            provider.state().ifPresentOrElse(s -> response.withData("providerReachable", s.reachable()).withData("since", s.since().toString()),
                    () -> response.withData("providerReachable", "not checked yet"));
        }
        return response.build();
    }
}
