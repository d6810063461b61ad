package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.statuspage.StatusComponents;
import io.sitroom.testing.Fuzz;

/**
 * Every command of the catalog with mutated data (wrong types, missing and extra fields, huge
 * strings, unicode, nulls, nested objects, numbers out of range): the strict decoder either yields
 * the command's record or refuses with {@code invalid}, naming the command; no other exception escapes.
 */
class CommandCatalogFuzzTest {

    private static final ObjectMapper MAPPER = Fuzz.mapper();
    private static final CommandCatalog CATALOG = Fuzz.catalog(MAPPER);

    private record Case(String name, JsonNode data) {
        @Override
        public String toString() {
            return name + " " + data;
        }
    }

    /** Decodes one envelope; returns whether it decoded, failing on anything but a command or an {@code invalid} refusal. */
    private static boolean decodes(String name, JsonNode data) {
        try {
            Command command = CATALOG.decode(new CommandEnvelope("c-1", name, data));
            assertTrue(CATALOG.type(name).type().isInstance(command), "decoded into " + command.getClass());
            return true;
        } catch (SitroomException e) {
            assertEquals(ErrorCode.INVALID, e.code(), e.getMessage());
            assertFalse(e.getMessage().isBlank());
            return false;
        }
    }

    @Test
    void everyCommand_withMutatedData_decodesOrIsRefusedAsInvalid() {
        List<String> names = new ArrayList<>(CATALOG.names());
        int perCommand = Fuzz.cases(6_000) / names.size() + 1;
        Map<String, int[]> outcomes = new TreeMap<>();
        for (String name : names) {
            Class<?> record = CATALOG.type(name).type();
            int[] counts = outcomes.computeIfAbsent(name, n -> new int[2]);
            Fuzz.run(name, perCommand, random -> new Case(name, mutated(record, random)), c -> counts[decodes(c.name(), c.data()) ? 0 : 1]++);
        }
        outcomes.forEach((name, counts) -> assertTrue(counts[1] > 0, name + " refused none of its mutations"));
        // A command without required fields decodes from mutations that leave it valid; one with some is refused often.
        assertTrue(outcomes.values().stream().mapToInt(c -> c[1]).sum() > perCommand * names.size() / 2, "most mutations are refused");
    }

    private static JsonNode mutated(Class<?> record, Random random) {
        ObjectNode data = Fuzz.sampleData(record, random);
        switch (random.nextInt(10)) {
            case 0 -> {
                // every field of the record, each with a value of any type
                List<String> fields = new ArrayList<>();
                data.fieldNames().forEachRemaining(fields::add);
                fields.forEach(f -> data.set(f, Fuzz.randomJson(random, 3, false)));
                return data;
            }
            case 1 -> {
                List<String> fields = new ArrayList<>();
                data.fieldNames().forEachRemaining(fields::add);
                data.set(fields.isEmpty() ? "deep" : fields.get(random.nextInt(fields.size())), Fuzz.nested(random, 1 + random.nextInt(2_000)));
                return data;
            }
            default -> {
                return Fuzz.mutateData(data, random, false);
            }
        }
    }

    /**
     * Each command's sample data decodes once the fields its refusals name are left out (a sample
     * fills every field, also those of another variant, such as another audience's): refusals name
     * the field, and the record is reachable. An unknown field is refused, naming the command.
     */
    @Test
    void everyCommand_withWellFormedData_decodes_andRefusalsNameTheField() {
        Pattern field = Pattern.compile("'([A-Za-z]+)'");
        for (String name : CATALOG.names()) {
            Class<?> record = CATALOG.type(name).type();
            ObjectNode data = Fuzz.sampleData(record, new Random(Fuzz.seed()));
            ObjectNode trimmed = data.deepCopy();
            for (int i = 0; i <= data.size(); i++) {
                try {
                    CATALOG.decode(new CommandEnvelope("c-1", name, trimmed));
                    break;
                } catch (SitroomException e) {
                    assertEquals(ErrorCode.INVALID, e.code());
                    Matcher named = field.matcher(e.getMessage());
                    assertTrue(named.find() && trimmed.has(named.group(1)), name + " refused " + trimmed + " without naming a field it has: "
                            + e.getMessage());
                    trimmed.remove(named.group(1));
                }
            }
            assertTrue(decodes(name, trimmed), name + " never decoded: " + trimmed);
            ObjectNode extra = trimmed.deepCopy().put("surplus", 1);
            SitroomException e = org.junit.jupiter.api.Assertions.assertThrows(SitroomException.class,
                    () -> CATALOG.decode(new CommandEnvelope("c-1", name, extra)));
            assertEquals(ErrorCode.INVALID, e.code());
            assertEquals(name + ": unknown field 'surplus'", e.getMessage());
        }
    }

    @Test
    void unknownNames_andEmptyOrNullData_areHandled() {
        Fuzz.run("name", 500, random -> Fuzz.weirdString(random, false), name -> {
            if (!name.isEmpty() && !CATALOG.names().contains(name)) {
                SitroomException e = org.junit.jupiter.api.Assertions.assertThrows(SitroomException.class,
                        () -> CATALOG.decode(new CommandEnvelope("c-1", name, null)));
                assertEquals(ErrorCode.INVALID, e.code());
            }
        });
        for (String name : CATALOG.names()) {
            boolean withNull = decodes(name, null);
            assertEquals(withNull, decodes(name, MAPPER.nullNode()), name + ": null data is no data");
            assertEquals(withNull, decodes(name, MAPPER.createObjectNode()), name + ": null data is empty data");
        }
    }

    /**
     * The status page's component commands (the admin's, outside any room) are decoded as strictly: each
     * mutation decodes into the command's record or is refused as {@code invalid}, naming the command.
     */
    @Test
    void everyComponentCommand_withMutatedData_decodesOrIsRefusedAsInvalid() {
        com.fasterxml.jackson.databind.ObjectReader reader = StatusComponents.strictReader(MAPPER);
        for (StatusComponents.CommandType<?> type : StatusComponents.COMMANDS) {
            int[] counts = new int[2];
            Fuzz.run(type.name(), Fuzz.cases(600), random -> new Case(type.name(), mutated(type.type(), random)), c -> {
                try {
                    assertTrue(type.type().isInstance(StatusComponents.decode(reader, c.name(), c.data())));
                    counts[0]++;
                } catch (SitroomException e) {
                    assertEquals(ErrorCode.INVALID, e.code(), e.getMessage());
                    assertTrue(e.getMessage().startsWith(type.name() + ": "), e.getMessage());
                    counts[1]++;
                }
            });
            assertTrue(counts[1] > 0, type.name() + " refused none of its mutations");
        }
    }

    /**
     * The catalog and the status page's component commands hold every command docs/protocol.md lists in its
     * command tables, and nothing else.
     */
    @Test
    void theCatalog_isTheDocumentedCommandSet() throws Exception {
        Set<String> documented = new TreeSet<>();
        Pattern row = Pattern.compile("^\\| (`[a-z]+\\.[a-z_]+`(?: / `[a-z]+\\.[a-z_]+`)*) \\|");
        Pattern name = Pattern.compile("`([a-z]+\\.[a-z_]+)`");
        for (String line : Files.readAllLines(Path.of("docs/protocol.md"))) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                Matcher n = name.matcher(m.group(1));
                while (n.find()) {
                    documented.add(n.group(1));
                }
            }
        }
        Set<String> declared = new TreeSet<>(CATALOG.names());
        StatusComponents.COMMANDS.forEach(type -> declared.add(type.name()));
        assertEquals(documented, declared);
    }
}
