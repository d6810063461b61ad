package io.sitroom.hseep;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * HSEEP documents: the Situation Manual holds no facilitator-only text (notes, expectations, the
 * content of injects that only come during play), in HTML or in the PDF's text; every PDF loads.
 */
@QuarkusTest
class HseepDocumentsTest {

    private static final String NOTE_MARKER = "ZQX-FACILITATOR-NOTE";
    private static final String BRANCH_MARKER = "ZQX-SECRET-BRANCH";
    private static final String EXPECTATION_MARKER = "zqx-expected-lead";
    private static final List<String> FACILITATOR_ONLY = List.of(NOTE_MARKER, BRANCH_MARKER, EXPECTATION_MARKER);

    private static User facilitator;
    private static String scenarioId;

    @BeforeEach
    void uploadAScenarioWithMarkers() throws Exception {
        if (scenarioId != null) {
            return;
        }
        facilitator = Api.newUser("Fay");
        scenarioId = "hseep-" + UUID.randomUUID().toString().substring(0, 8);
        String yaml = Files.readString(Path.of("src/test/resources/test-scenarios/test-drill.yaml"))
                .replace("id: test-drill", "id: " + scenarioId)
                .replace("Expect a containment lead within ten minutes.", "Expect a lead. " + NOTE_MARKER)
                .replace("The regulator heard about it from the press.", "The press knows. " + BRANCH_MARKER)
                .replace("name-lead", EXPECTATION_MARKER);
        given().auth().oauth2(facilitator.token()).contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post("/api/scenarios").then().statusCode(201);
    }

    private static byte[] get(User user, String path, int status) {
        return given().auth().oauth2(user.token()).get(path).then().statusCode(status).extract().asByteArray();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() > 0, "the PDF has pages");
            return new PDFTextStripper().getText(document);
        }
    }

    private static void assertNoFacilitatorText(String text, String what) {
        for (String marker : FACILITATOR_ONLY) {
            assertFalse(text.contains(marker), what + " holds facilitator-only text " + marker);
        }
    }

    @Test
    void theSituationManual_holdsTheSituation_andNoFacilitatorOnlyText_inHtmlAndPdf() throws Exception {
        String html = new String(get(facilitator, "/api/scenarios/" + scenarioId + "/documents/sitman.html", 200), StandardCharsets.UTF_8);
        assertTrue(html.contains("Situation Manual") && html.contains("EDR alert") && html.contains("Who leads containment?")
                && html.contains("Operational Coordination"), html);
        assertNoFacilitatorText(html, "the SitMan HTML");
        String pdf = pdfText(get(facilitator, "/api/scenarios/" + scenarioId + "/documents/sitman.pdf", 200));
        assertTrue(pdf.contains("EDR alert") && pdf.contains("Ransomware note on FS-02."), pdf);
        assertNoFacilitatorText(pdf, "the SitMan PDF");
    }

    @Test
    void theHandbook_andTheEvaluationGuides_holdTheFacilitatorsMaterial() throws Exception {
        String handbook = pdfText(get(facilitator, "/api/scenarios/" + scenarioId + "/documents/handbook.pdf", 200));
        assertTrue(handbook.contains(NOTE_MARKER) && handbook.contains(BRANCH_MARKER), "the markers are extractable from a PDF: " + handbook);
        String html = new String(get(facilitator, "/api/scenarios/" + scenarioId + "/documents/handbook.html", 200), StandardCharsets.UTF_8);
        assertTrue(html.contains(EXPECTATION_MARKER) && html.contains("Controller/Evaluator Handbook"));
        String guides = pdfText(get(facilitator, "/api/scenarios/" + scenarioId + "/documents/eeg.pdf", 200));
        assertTrue(guides.contains("Name a containment lead at once") && guides.contains("Critical tasks"), guides);
        given().auth().oauth2(facilitator.token()).get("/api/scenarios/" + scenarioId + "/documents/nonsense.pdf").then().statusCode(404);
        given().auth().oauth2(facilitator.token()).get("/api/scenarios/" + scenarioId + "/documents/aar-ip.html").then().statusCode(404);
    }

    @Test
    void aPlayer_getsTheExercisesSituationManual_butNeitherHandbookNorGuides_norTheLibrarysDocuments() throws Exception {
        UUID room = Api.newExercise(facilitator, scenarioId);
        User player = Api.join(Api.invite(facilitator, room, "legal"), "Lee Player");
        String html = new String(get(player, "/api/exercises/" + room + "/documents/sitman.html", 200), StandardCharsets.UTF_8);
        assertTrue(html.contains("Counsel on the line"), html);
        assertNoFacilitatorText(html, "the exercise's SitMan HTML");
        assertNoFacilitatorText(pdfText(get(player, "/api/exercises/" + room + "/documents/sitman.pdf", 200)), "the exercise's SitMan PDF");
        for (String document : List.of("handbook.html", "handbook.pdf", "eeg.html", "eeg.pdf")) {
            String refusal = new String(get(player, "/api/exercises/" + room + "/documents/" + document, 403), StandardCharsets.UTF_8);
            assertNoFacilitatorText(refusal, "a refusal");
        }
        get(player, "/api/scenarios/" + scenarioId + "/documents/sitman.html", 403);
        get(player, "/api/scenarios/" + scenarioId + "/documents/handbook.html", 403);
        get(Api.newUser("Stranger"), "/api/exercises/" + room + "/documents/sitman.html", 404);
    }

    @Test
    void theAarIp_comesFromAnEndedExercise_asHtmlAndPdf() throws Exception {
        UUID room = Api.newExercise(facilitator, scenarioId);
        Api.accepted(facilitator, room, "exercise.start", Map.of("speed", 1000));
        given().auth().oauth2(facilitator.token()).get("/api/exercises/" + room + "/documents/aar-ip.html").then().statusCode(409)
                .body("error.code", org.hamcrest.Matchers.equalTo("conflict"));
        Api.accepted(facilitator, room, "exercise.end", Map.of());
        given().auth().oauth2(facilitator.token()).get("/api/exercises/" + room + "/documents/aar-ip.html").then().statusCode(200)
                .body(containsString("Improvement plan")).body(containsString("Analysis of core capabilities"));
        String pdf = pdfText(get(facilitator, "/api/exercises/" + room + "/documents/aar-ip.pdf", 200));
        assertTrue(pdf.contains("Improvement plan"), pdf);
        User player = Api.join(Api.invite(facilitator, room, "legal"), "Lee Late");
        get(player, "/api/exercises/" + room + "/documents/aar-ip.html", 403);
    }
}
