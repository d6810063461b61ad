package io.sitroom.msel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.exercise.ScenarioParser;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** The MSEL over REST: facilitator material for accounts (never an exercise's guests), and its import. */
@QuarkusTest
class MselResourceTest {

    private static final String NOTES = "Expect a containment lead within ten minutes.";

    @Test
    void anAccount_downloadsTheMsel_asXlsxAndCsv_withTheFacilitatorNotes() throws Exception {
        User facilitator = Api.newUser("Fay");
        byte[] xlsx = given().auth().oauth2(facilitator.token()).get("/api/scenarios/test-drill/msel.xlsx").then().statusCode(200)
                .contentType(MselXlsx.MEDIA_TYPE).header("Content-Disposition", containsString("test-drill-msel.xlsx")).extract().asByteArray();
        MselTable table = MselXlsx.read(new ByteArrayInputStream(xlsx));
        assertEquals(NOTES, table.msel().get(1).cell(MselColumn.NOTES.ordinal()));
        String csv = new String(given().auth().oauth2(facilitator.token()).get("/api/scenarios/test-drill/msel.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF\"#\",Inject ID,"), csv.substring(0, 40));
        assertTrue(csv.contains(NOTES));
        given().auth().oauth2(facilitator.token()).get("/api/scenarios/no-such-scenario/msel.csv").then().statusCode(404)
                .body("error.code", equalTo("not_found"));
    }

    @Test
    void aPlayer_anExercisesGuest_cannotDownloadTheMsel_norImportOne() {
        User facilitator = Api.newUser("Fay");
        UUID room = Api.newExercise(facilitator, "test-drill");
        User player = Api.join(Api.invite(facilitator, room, "incident_commander"), "Pat Player");
        for (String format : new String[] { "xlsx", "csv" }) {
            String body = given().auth().oauth2(player.token()).get("/api/scenarios/test-drill/msel." + format).then().statusCode(403)
                    .extract().asString();
            assertTrue(!body.contains(NOTES), "no facilitator notes in the refusal");
        }
        given().auth().oauth2(player.token()).contentType("text/csv").body("#,Inject ID\n").post("/api/scenarios/import").then()
                .statusCode(403);
    }

    @Test
    void anImportedSpreadsheet_becomesAScenarioThatPassesTheLinter_orEveryErrorWithRowAndColumn() throws Exception {
        User facilitator = Api.newUser("Fay");
        byte[] xlsx = given().auth().oauth2(facilitator.token()).get("/api/scenarios/test-drill/msel.xlsx").then().statusCode(200)
                .extract().asByteArray();
        String yaml = given().auth().oauth2(facilitator.token()).contentType(MselXlsx.MEDIA_TYPE).body(xlsx).post("/api/scenarios/import")
                .then().statusCode(200).contentType(containsString("application/yaml")).extract().asString();
        assertEquals(ScenarioParser.parse("a", Files.readString(Path.of("src/test/resources/test-scenarios/test-drill.yaml"))).scenario(),
                ScenarioParser.parse("b", yaml).scenario());

        String csv = MselCsv.write(MselExport.table(ScenarioParser.parse("a", yaml).scenario()));
        String id = "imported-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(facilitator.token()).contentType("text/csv").body(csv.replace("test-drill", id))
                .post("/api/scenarios/import?upload=true").then().statusCode(201).body("id", equalTo(id)).body("version", equalTo(1));

        String broken = csv.replace("\"incident_commander\"", "janitor").replace("0m,D+0 H+0 M+0", "0m,D+9 H+0 M+0");
        MselTable table = MselCsv.read(new StringReader(broken));
        assertTrue(table.msel().size() > 2);
        given().auth().oauth2(facilitator.token()).contentType("text/csv").body(broken).post("/api/scenarios/import").then().statusCode(400)
                .body("error.code", equalTo("invalid")).body("error.errors.sheet", hasItem("MSEL")).body("error.errors.row", hasItem(2))
                .body("error.errors.column", hasItem("D"));
        given().auth().oauth2(facilitator.token()).contentType(MselXlsx.MEDIA_TYPE).body("not a workbook".getBytes())
                .post("/api/scenarios/import").then().statusCode(400).body("error.message", containsString(".xlsx"));
    }
}
