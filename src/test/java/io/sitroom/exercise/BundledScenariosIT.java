package io.sitroom.exercise;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sitroom.testing.AppProcess;

/**
 * The packaged app started from a folder without scenarios/ (as a new user would, from anywhere)
 * still serves the shipped scenarios: they travel in the jar (issue 18).
 */
class BundledScenariosIT {

    @Test
    void thePackagedApp_startedElsewhere_listsTheShippedScenarios() throws Exception {
        AppProcess.emptyDatabase();
        Path elsewhere = Files.createTempDirectory("sitroom-elsewhere-");
        try (AppProcess app = new AppProcess(Map.of("SITROOM_SCENARIOS_DIRS", "")).in(elsewhere)) {
            app.start();
            String token = app.login("admin", AppProcess.ADMIN_PASSWORD);
            app.as(token).get("/api/scenarios").then().statusCode(200)
                    .body("id", hasItems("ransomware-friday-night", "leaked-cloud-key", "saas-vendor-breach", "ddos-extortion-launch",
                            "insider-departing-employee", "compromised-dependency-pipeline"))
                    .body("id", not(hasItems("test-drill")));
            assertFalse(app.log().contains("no scenario folder"), "no folder is looked for");
        }
    }
}
