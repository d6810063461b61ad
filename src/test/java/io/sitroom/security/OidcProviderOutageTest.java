package io.sitroom.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.LocalOidcIssuer;

/**
 * Company sign-in whose provider is away when the node starts, and comes back: the node is ready all along, a click
 * on "Sign in with ..." meanwhile ends on the sign-in error page (never a 500), {@code /q/health/group/sign-in} says
 * so, and once the provider answers, sign-in goes to it again.
 */
@QuarkusTest
@WithTestResource(value = LocalOidcIssuer.class, initArgs = { @ResourceArg(name = "down-at-start", value = "true"),
        @ResourceArg(name = "sitroom.oidc.probe-interval", value = "200ms") })
class OidcProviderOutageTest {

    private static int signInHealth() {
        return given().get("/q/health/group/sign-in").statusCode();
    }

    private static void awaitSignInHealth(int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (signInHealth() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(status, signInHealth(), "/q/health/group/sign-in");
    }

    @Test
    void aProviderAway_leadsSignInToTheErrorPage_keepsTheNodeReady_andSignInReturnsWithIt() throws InterruptedException {
        awaitSignInHealth(503);
        given().get("/q/health/group/sign-in").then().body("checks[0].name", equalTo("company-sign-in"))
                .body("checks[0].data.providerReachable", equalTo(false));
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'sitroom-node' }.data.companySignIn",
                equalTo("provider unreachable"));
        given().redirects().follow(false).get("/api/auth/oidc/login").then().statusCode(303)
                .header("Location", startsWith("/sign-in-error?error=temporarily_unavailable&error_description=The+company"))
                .header("Cache-Control", "no-store");
        // Password sign-in is not affected.
        given().contentType("application/json").body("{\"username\":\"nobody\",\"password\":\"wrong-password-123\"}")
                .post("/api/auth/login").then().statusCode(401);

        LocalOidcIssuer.current.setAvailable(true);
        awaitSignInHealth(200);
        String location = given().redirects().follow(false).get("/api/auth/oidc/login").then().statusCode(302).extract()
                .header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.startsWith(LocalOidcIssuer.current.issuer() + "/authorize?"), location);
    }
}
