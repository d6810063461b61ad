package io.sitroom.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/** An inject's {@code medium} in the scenario format (issue 18, item 4): each kind read, every mistake at its line. */
class ScenarioMediumTest {

    /** The linter's valid example with a medium on its first inject (the inject's fields end at line 14). */
    private static String withMedium(String medium) {
        String indented = medium.lines().map(l -> "      " + l).reduce("", (a, b) -> a + b + "\n");
        return ScenarioLinterTest.VALID.replace("""
                    facilitatorNotes: Expect a containment lead at once.
                """, """
                    facilitatorNotes: Expect a containment lead at once.
                    medium:
                """ + indented);
    }

    private static Medium parsed(String medium) {
        ScenarioParser.Result result = ScenarioParser.parse("test.yaml", withMedium(medium));
        assertEquals(List.of(), result.errors());
        return result.scenario().injects().get(0).medium();
    }

    private static ScenarioError only(String medium) {
        List<ScenarioError> errors = ScenarioLinter.validate("test.yaml", withMedium(medium));
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    private static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the file");
    }

    @Test
    void eachKind_isReadWithItsFields() {
        assertEquals(new Medium.News("Tagesblatt", "Invoices from a hacked CFO", "A. Writer"),
                parsed("kind: news\noutlet: Tagesblatt\nheadline: Invoices from a hacked CFO\nbyline: A. Writer"));
        assertEquals(new Medium.Social("Jo Customer", "jo_c", 1200L, 340L, null),
                parsed("kind: social\nauthor: Jo Customer\nhandle: \"@jo_c\"\nlikes: 1200\nshares: 340"));
        assertEquals(new Medium.Email("cfo@example.com", List.of("ap@customer.example"), "New bank details", List.of("ceo@example.com")),
                parsed("kind: email\nfrom: cfo@example.com\nto: ap@customer.example\nsubject: New bank details\ncc: [ceo@example.com]"));
        assertEquals(new Medium.Call("Service desk", null, 270L), parsed("kind: call\ncaller: Service desk\nduration: 4m30s"));
        assertEquals(new Medium.Document("Invoice 4711", "invoice-4711.pdf", "TLP:AMBER"),
                parsed("kind: document\ntitle: Invoice 4711\nfilename: invoice-4711.pdf\nclassification: TLP:AMBER"));
    }

    @Test
    void anInjectWithoutMedium_isPlain() {
        assertNull(ScenarioParser.parse("test.yaml", ScenarioLinterTest.VALID).scenario().injects().get(0).medium());
    }

    @Test
    void unknownKind_isReportedAtItsLine() {
        String medium = "kind: fax\noutlet: x";
        ScenarioError error = only(medium);
        assertEquals("injects[0].medium.kind", error.path());
        assertEquals(lineOf(withMedium(medium), "kind: fax"), error.line());
        assertTrue(error.message().startsWith("unknown kind 'fax'; one of news, social, email, call, document"), error.message());
    }

    @Test
    void missingKind_isReported() {
        ScenarioError error = only("outlet: Tagesblatt\nheadline: x");
        assertEquals("injects[0].medium.kind", error.path());
        assertEquals(lineOf(withMedium("outlet: Tagesblatt"), "outlet: Tagesblatt"), error.line());
    }

    @Test
    void missingRequiredField_isReportedAtTheMedium() {
        String medium = "kind: news\noutlet: Tagesblatt";
        ScenarioError error = only(medium);
        assertEquals("injects[0].medium.headline", error.path());
        assertEquals("is required", error.message());
        // The medium's mapping begins at its first field.
        assertEquals(lineOf(withMedium(medium), "kind: news"), error.line());
    }

    @Test
    void negativeCount_isReportedAtItsLine() {
        String medium = "kind: social\nauthor: Jo\nhandle: jo\nlikes: 3\nshares: -1";
        ScenarioError error = only(medium);
        assertEquals("injects[0].medium.shares", error.path());
        assertEquals("must not be negative", error.message());
        assertEquals(lineOf(withMedium(medium), "shares: -1"), error.line());
    }

    @Test
    void aCountThatIsNoNumber_aFieldOfAnotherKind_andAHandleWithSpaces_areEachReported() {
        List<ScenarioError> errors = ScenarioLinter.validate("test.yaml",
                withMedium("kind: social\nauthor: Jo\nhandle: jo c\nlikes: many\nshares: 1\nheadline: x"));
        assertEquals(List.of("injects[0].medium.headline", "injects[0].medium.handle", "injects[0].medium.likes"),
                errors.stream().map(ScenarioError::path).toList(), errors.toString());
    }

    @Test
    void aDocument_needsATitleOrAFilename() {
        ScenarioError error = only("kind: document\nclassification: internal");
        assertEquals("injects[0].medium.title", error.path());
        assertTrue(error.message().contains("'title', a 'filename', or both"), error.message());
    }

    @Test
    void aHeaderOfTwoLines_isRefused() {
        ScenarioError error = only("kind: email\nfrom: a@example.com\nto: b@example.com\nsubject: |\n  two\n  lines");
        assertEquals("injects[0].medium.subject", error.path());
        assertEquals("must be one line", error.message());
    }

    @Test
    void aMediumThatIsNoMapping_isRefused() {
        assertEquals("injects[0].medium", ScenarioLinter.validate("test.yaml", ScenarioLinterTest.VALID.replace(
                "    facilitatorNotes: Expect a containment lead at once.\n",
                "    facilitatorNotes: Expect a containment lead at once.\n    medium: news\n")).get(0).path());
    }

    @Test
    void theRecords_refuseWhatTheParserRefuses_asInvalid() {
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class, () -> new Medium.Social("Jo", "jo", -1L, 0L, null)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class, () -> new Medium.News("Tagesblatt", null, null)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class, () -> new Medium.Document(null, " ", null)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class, () -> new Medium.Email("a", List.of(), "s", null)).code());
        assertEquals("jo", new Medium.Social("Jo", "@jo", 0L, 0L, null).handle());
    }
}
