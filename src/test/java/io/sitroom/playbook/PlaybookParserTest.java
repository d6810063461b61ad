package io.sitroom.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.sitroom.room.Phase;
import io.sitroom.room.Taxonomy;
import io.sitroom.room.TaxonomyFixtures;
import io.sitroom.room.Severity;

class PlaybookParserTest {

    private static final Path FOLDER = Path.of("playbooks");

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyBundledPlaybook_isValid_andListedInTheIndex() throws IOException {
        List<String> index = Files.readAllLines(FOLDER.resolve("index.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<Path> files = yamlFiles();
        assertEquals(files.stream().map(p -> p.getFileName().toString()).toList(), index);
        assertTrue(files.size() >= 6);
        for (Path file : files) {
            PlaybookParser.Result result = PlaybookParser.parse(file.getFileName().toString(), Files.readString(file));
            assertEquals(List.of(), result.errors(), file.toString());
            assertEquals(file.getFileName().toString(), result.playbook().id() + ".yaml");
        }
    }

    @Test
    void parse_ordersStepsByPhase_andReadsFieldsAndCadence() throws IOException {
        Playbook p = PlaybookParser.parse("ransomware.yaml", Files.readString(FOLDER.resolve("ransomware.yaml"))).playbook();
        assertEquals(Severity.SEV1, p.defaultSeverity());
        assertEquals(30, p.cadenceFor(Severity.SEV1).orElseThrow().toMinutes());
        assertTrue(p.cadenceFor(Severity.SEV4).isEmpty());
        List<Phase> phases = p.steps().stream().map(Playbook.Step::phase).toList();
        List<Phase> order = Taxonomy.defaults().phases().stream().map(Taxonomy.Stage::id).toList();
        assertEquals(phases.stream().sorted(java.util.Comparator.comparingInt(order::indexOf)).toList(), phases);
        assertEquals(FieldType.SELECT, p.field("exfiltration").orElseThrow().type());
    }

    @Test
    void aDeploymentsOwnList_takesTheShippedPhasesByTheirAliases_inItsOrder_andRefusesWhatItLacks() throws IOException {
        Taxonomy priorities = TaxonomyFixtures.priorities();
        Playbook p = PlaybookParser.parse("ransomware.yaml", Files.readString(FOLDER.resolve("ransomware.yaml")), priorities).playbook();
        assertEquals(List.of("triage", "mitigate", "restore", "review"),
                p.steps().stream().map(s -> s.phase().id()).distinct().toList());
        String odd = "id: odd\nversion: 1\ntitle: Odd\ndescription: d\nseverity: P9\nroles: [incident_commander]\n"
                + "cadence: {blocker: 10m, P9: 1h}\nchecklist:\n  mitigate:\n    - {id: contain, text: Contain, owner: incident_commander}\n"
                + "  triage:\n    - {id: look, text: Look, owner: incident_commander}\n";
        PlaybookParser.Result result = PlaybookParser.parse("odd.yaml", odd, priorities);
        assertEquals(List.of("odd.yaml:5: severity: must be one of P1, P2, P3, P4, P5, not 'P9'",
                "odd.yaml:7: cadence.P9: 'P9' is not a severity here (P1, P2, P3, P4, P5)"),
                result.errors().stream().map(PlaybookError::toString).toList());
        Playbook fine = PlaybookParser.parse("odd.yaml", odd.replace("severity: P9", "severity: p2").replace(", P9: 1h", ""), priorities)
                .playbook();
        assertEquals(Severity.of("P2"), fine.defaultSeverity());
        assertEquals(10, fine.cadenceFor(Severity.of("P1")).orElseThrow().toMinutes());
        assertEquals(List.of("Look", "Contain"), fine.steps().stream().map(Playbook.Step::text).toList(), "the list's order, not the file's");
    }

    @Test
    void sha256_ignoresCommentsLayoutAndKeyOrder_butNotContent() {
        String a = "id: tiny\nversion: 1\ntitle: Tiny\ndescription: d\nroles: [incident_commander]\n"
                + "checklist:\n  detection:\n    - {id: one, text: Do it, owner: incident_commander}\n";
        String b = "# a comment\ntitle: Tiny\nid: tiny\ndescription: d\nversion: 1\nroles:\n  - incident_commander\n"
                + "checklist:\n  detection:\n    - id: one\n      owner: incident_commander\n      text: Do it\n";
        String sha = PlaybookParser.parse("a", a).sha256();
        assertNotNull(sha);
        assertEquals(sha, PlaybookParser.parse("b", b).sha256());
        assertTrue(!sha.equals(PlaybookParser.parse("c", a.replace("Do it", "Do that")).sha256()));
    }

    @Test
    void errors_sayWhereAndWhat() {
        String text = """
                id: Bad Id
                version: 1
                title: Broken
                description: d
                roles: [incident_commander, wizard]
                cadence: {SEV1: 1m}
                fields:
                  - {id: f, label: F, type: select}
                  - {id: f, label: G, type: colour}
                checklist:
                  containment:
                    - {id: s1, text: Isolate, owner: legal, due: soon}
                    - {id: s1, text: Again, owner: incident_commander, decision: maybe}
                  triage:
                    - {id: s3, text: x, owner: incident_commander}
                """;
        PlaybookParser.Result result = PlaybookParser.parse("bad.yaml", text);
        assertNull(result.playbook());
        assertNull(result.sha256());
        List<String> messages = result.errors().stream().map(PlaybookError::toString).toList();
        assertTrue(messages.contains("bad.yaml:1: id: must be 3 to 64 characters of a-z, 0-9 and '-', starting with a letter or digit"), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("bad.yaml:5: roles[1]: unknown role 'wizard'")), messages::toString);
        assertTrue(messages.contains("bad.yaml:6: cadence.SEV1: must be at least 5m: nobody writes a status update more often"), messages::toString);
        assertTrue(messages.contains("bad.yaml:8: fields[0].options: a select field needs a list of options"), messages::toString);
        assertTrue(messages.contains("bad.yaml:9: fields[1].id: another field has the id 'f'"), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("bad.yaml:9: fields[1].type: unknown field type 'colour'")), messages::toString);
        assertTrue(messages.contains("bad.yaml:12: checklist.containment[0].owner: 'legal' is not among the type's roles; add it to roles"),
                messages::toString);
        assertTrue(messages.contains("bad.yaml:12: checklist.containment[0].due: 'soon' is not a duration such as 15m, 4h, 1d or 1h30m"),
                messages::toString);
        assertTrue(messages.contains("bad.yaml:13: checklist.containment[1].id: another step has the id 's1'"), messages::toString);
        assertTrue(messages.contains("bad.yaml:13: checklist.containment[1].decision: must be true or false"), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("bad.yaml:14: checklist.triage: 'triage' is not a phase here (detection, analysis, containment, eradication, recovery, post_incident)")), messages::toString);
    }

    @Test
    void missingFields_areReportedAtTheirMapping_andBrokenYamlAtItsLine() {
        PlaybookParser.Result missing = PlaybookParser.parse("m.yaml", "id: abc\nversion: 1\n");
        assertTrue(missing.errors().stream().anyMatch(e -> e.path().equals("title") && e.line() == 1 && e.message().equals("is required")));
        PlaybookParser.Result broken = PlaybookParser.parse("y.yaml", "id: abc\ntitle: [unclosed\n");
        assertEquals(1, broken.errors().size());
        assertTrue(broken.errors().get(0).message().startsWith("not valid YAML"));
    }
}
