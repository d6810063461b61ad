package io.sitroom.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class AuditTest {

    @Test
    void administrativeActions_areAudited_forTheAdminOnly_andNeverWithSecrets() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newExercise(ic, "test-drill");
        String code = Api.invite(ic, room, "legal");
        ic.as().get("/api/rooms/" + room + "/export?format=json").then().statusCode(200);
        String hook = ic.as().body(Map.of("url", "http://127.0.0.1:9/hook", "roomId", room.toString())).post("/api/webhooks")
                .then().statusCode(201).extract().path("id");
        ic.as().delete("/api/webhooks/" + hook).then().statusCode(204);

        // By action: the test clock stands still, so the suite's entries share instants and "the newest" is no order.
        given().auth().oauth2(Api.adminToken()).get("/api/audit?action=user.create&limit=500").then().statusCode(200)
                .body("action", everyItem(equalTo("user.create"))).body("target", hasItem(containsString(ic.id().toString())));
        for (String action : List.of("invite.create", "room.export", "webhook.create", "webhook.remove")) {
            given().auth().oauth2(Api.adminToken()).get("/api/audit?action=" + action + "&limit=500").then().statusCode(200)
                    .body("findAll { it.actorId == '" + ic.id() + "' }.action", hasItem(action))
                    .body(not(containsString(code.replace("-", "")))).body(not(containsString(code)));
        }
        ic.as().get("/api/audit").then().statusCode(403);
    }

    @Test
    void logout_revokesTheToken() {
        User user = Api.newUser("Leaving");
        user.as().get("/api/rooms").then().statusCode(200);
        user.as().post("/api/auth/logout").then().statusCode(204);
        user.as().get("/api/rooms").then().statusCode(401);
        given().contentType(ContentType.JSON).post("/api/auth/logout").then().statusCode(401);
    }
}
