package io.sitroom.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sitroom.testing.Fuzz;

/**
 * Thousands of mutated scenario files, made from the shipped ones (lines deleted, duplicated,
 * swapped, re-indented, truncated, random bytes injected, values replaced by other types) into
 * the parser and the linter, as the catalog and the validation endpoint use them: only scenario
 * errors come out, never an exception, and every error has a line.
 */
class ScenarioFuzzTest {

    private static final List<String> FILES = new ArrayList<>();

    @BeforeAll
    static void readShippedScenarios() throws Exception {
        for (Path dir : List.of(Path.of("scenarios"), Path.of("src/test/resources/test-scenarios"))) {
            for (Path file : ScenarioCatalog.files(dir)) {
                FILES.add(Files.readString(file));
            }
        }
        assertTrue(FILES.size() >= 6);
    }

    private static String mutate(String original, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(original.split("\n", -1)));
        int edits = 1 + random.nextInt(random.nextInt(8) == 0 ? 12 : 3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(11)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 3 -> lines.set(at, " ".repeat(random.nextInt(9)) + line.stripLeading());
                case 4 -> lines.set(at, line.replaceFirst("^( *)", "$1" + Fuzz.pick(random, "\t", "  ", "- ", "? ", "!!binary ", "&a ", "*a ")));
                case 5 -> {
                    return String.join("\n", lines.subList(0, at)) + (line.isEmpty() ? "" : "\n" + line.substring(0, random.nextInt(line.length())));
                }
                case 6 -> lines.set(at, Fuzz.mutateText(line, random, false));
                case 7 -> lines.set(at, replaceValue(line, random));
                case 8 -> lines.add(at, line.replaceFirst("^( *)(- )?[A-Za-z]+:", "$1$2" + Fuzz.pick(random, "unknown", "id", "at", "when", "to",
                        "expectations", "<<", "\"quoted key\"", "[list, key]", "{a: 1}") + ":"));
                case 9 -> lines.set(at, line + Fuzz.pick(random, " # comment", " &anchor", " *anchor", " !!python/object:os.system", " |",
                        " >-", "\u0000", " ]", " {", "\t"));
                default -> lines.add(at, Fuzz.randomText(random, random.nextInt(80), false));
            }
        }
        return String.join("\n", lines);
    }

    /** Replaces the value after {@code key:} with one of another kind. */
    private static String replaceValue(String line, Random random) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
            return line;
        }
        String value = Fuzz.pick(random, "", "~", "null", "true", "-1", "1e999", "0x1F", "99999999999999999999h", "-5m", "PT-1H", "P1000000000D",
                "[]", "{}", "[incident_commander, ghost]", "{a: {b: {c: [1, 2, {d: e}]}}}", "\"" + "x".repeat(25_000) + "\"",
                "\"\\ud800\"", "'''", "\"unterminated", "*undefined_alias", "!!timestamp 2026-13-45", "!!int abc", "!!float", "!!map [1]",
                "facilitator", "[facilitator]", "00m", "4h61m", "1h1h", "manual", "\"a\\x00b\"", Fuzz.weirdString(random, false));
        return line.substring(0, colon + 2) + value;
    }

    /** A billion-laughs style file: aliases to aliases, which the parser limits. */
    private static String aliasBomb() {
        StringBuilder text = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            text.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        return text.toString();
    }

    private static List<ScenarioError> check(String text) {
        List<ScenarioError> errors = ScenarioLinter.validate("fuzz.yaml", text);
        assertNotNull(errors);
        for (ScenarioError error : errors) {
            assertEquals("fuzz.yaml", error.file());
            assertNotNull(error.line(), "every error has a line: " + error);
            assertTrue(error.line() >= 1, "a line counts from 1: " + error);
            assertNotNull(error.path(), "every error has a path (empty for the file): " + error);
            assertFalse(error.message() == null || error.message().isBlank(), "every error says what: " + error);
        }
        return errors;
    }

    @Test
    void thousandsOfMutatedScenarios_giveScenarioErrorsWithLines_neverAnException() {
        AtomicInteger invalid = new AtomicInteger();
        int cases = Fuzz.cases(4_000);
        Fuzz.run("scenario", cases, random -> mutate(FILES.get(random.nextInt(FILES.size())), random), text -> {
            if (!check(text).isEmpty()) {
                invalid.incrementAndGet();
            }
        });
        assertTrue(invalid.get() > cases / 2, "most mutations break the scenario: " + invalid);
        assertTrue(invalid.get() < cases, "some mutations leave it valid (comments, harmless moves)");
    }

    @Test
    void randomText_andHostileYaml_giveScenarioErrorsWithLines() {
        Fuzz.run("random scenario", 1_000, random -> Fuzz.randomText(random, random.nextInt(2_000), false), text -> check(text));
        for (String hostile : List.of(aliasBomb(), "[".repeat(50_000), "a:\n" + "  - ".repeat(20_000) + "x", "!!python/object/apply:os.system [ls]",
                "\uFEFF", "---\n---\n", "--- |\n  text", "%YAML 9.9\n---\na: 1", "? [a, b]\n: c", "x".repeat(ScenarioParser.MAX_CHARS + 1),
                "id: a\n" + "title: t\n".repeat(2), "<<: {id: x}")) {
            assertFalse(check(hostile).isEmpty(), Fuzz.abbreviate(hostile));
        }
    }
}
