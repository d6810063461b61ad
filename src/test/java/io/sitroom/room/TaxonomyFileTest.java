package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TaxonomyFileTest {

    private static List<String> problems(String yaml) {
        return assertThrows(TaxonomyFile.Invalid.class, () -> TaxonomyFile.read("t.yaml", yaml)).problems();
    }

    @Test
    void closed_isAddedAtTheEnd_whenTheFileLeavesItOut() {
        Taxonomy t = TaxonomyFile.read("t.yaml", "severities: [{id: High}, {id: Low}]\nphases: [{id: open}, {id: fixing}]\n");
        assertEquals(List.of("open", "fixing", "closed"), t.phases().stream().map(s -> s.id().id()).toList());
        assertEquals(Severity.of("Low"), t.defaultSeverity(), "without defaultSeverity, the least severe");
    }

    @Test
    void everyProblem_isReportedByItsPath() {
        List<String> problems = problems("""
                severities:
                  - id: P1
                    colour: red
                    updateCadence: 2m
                  - id: p1
                  - id: "bad id"
                  - name: nameless
                defaultSeverity: P9
                phases:
                  - id: closed
                  - id: Open
                  - id: work
                    contained: yes please
                    aliases: [closed]
                colours: {}
                """);
        assertEquals(List.of(
                "colours: unknown field (known: defaultSeverity, phases, severities)",
                "severities[0].colour: 'red' is not a colour such as \"#b3261e\" (quote it: # starts a YAML comment)",
                "severities[0].updateCadence: at least 5m",
                "severities[1].id: 'p1' is listed twice (ids and aliases are compared without case)",
                "severities[2].id: 'bad id' must be 1 to 32 characters of A-Z, a-z, 0-9, '_' and '-'",
                "severities[3].id: required",
                "defaultSeverity: 'P9' is not one of the severities",
                "phases[1].id: 'Open' must be 1 to 32 characters of a-z, 0-9, '_' and '-'",
                "phases[2].contained: must be true or false",
                "phases[2].aliases[0]: 'closed' is listed twice (ids and aliases are compared without case)",
                "phases: 'closed' must be the last phase",
                "phases: a room cannot open closed; list at least one phase before 'closed'"), problems);
    }

    @Test
    void aFileWithoutLists_orNotYaml_saysSo() {
        List<String> empty = problems("defaultSeverity: SEV1\n");
        assertEquals(List.of("severities: required, a list of at least one entry", "defaultSeverity: 'SEV1' is not one of the severities",
                "phases: required, a list of at least one entry"), empty);
        assertEquals(1, problems("severities: [unclosed\n").size());
        assertEquals(List.of("the file must be a mapping with severities and phases"), problems("- just a list\n"));
    }

    @Test
    void onlyOnePhase_marksWhereContainmentStarts() {
        assertEquals(List.of("phases: mark one phase 'contained: true' (the first from which an incident counts as contained)"),
                problems("severities: [{id: A}]\nphases: [{id: a, contained: true}, {id: b, contained: true}]\n"));
    }

    @Test
    void namesAndDescriptions_areOneTextOrTextsByLanguage() {
        assertEquals(List.of("phases[0].name.English: not a language tag such as en, de or pt-BR",
                "phases[0].name: give at least one language", "phases[0].description: must be a text of 1 to 500 characters"),
                problems("severities: [{id: A}]\nphases: [{id: a, name: {English: open}, description: [x]}]\n"));
    }
}
