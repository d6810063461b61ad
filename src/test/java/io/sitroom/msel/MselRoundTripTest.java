package io.sitroom.msel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sitroom.exercise.Scenario;
import io.sitroom.exercise.ScenarioCatalog;
import io.sitroom.exercise.ScenarioParser;

/** YAML -> MSEL -> YAML gives the same scenario, for every shipped scenario, through .xlsx and through .csv; errors say where. */
class MselRoundTripTest {

    static List<Path> scenarioFiles() {
        List<Path> files = new ArrayList<>(ScenarioCatalog.files(Path.of("scenarios")));
        files.addAll(ScenarioCatalog.files(Path.of("src/test/resources/test-scenarios")));
        return files;
    }

    static Scenario parse(String name, String yaml) {
        ScenarioParser.Result parsed = ScenarioParser.parse(name, yaml);
        assertEquals(List.of(), parsed.errors(), name);
        return parsed.scenario();
    }

    @Test
    void everyShippedScenario_survivesTheXlsxRoundTrip() throws Exception {
        assertTrue(scenarioFiles().size() >= 7);
        for (Path file : scenarioFiles()) {
            Scenario original = parse(file.toString(), Files.readString(file));
            byte[] xlsx = MselXlsx.write(MselExport.table(original));
            MselImport.Result back = MselImport.read(MselXlsx.read(new ByteArrayInputStream(xlsx)));
            assertEquals(List.of(), back.errors(), file.toString());
            assertEquals(original, parse("back", back.yaml()), file.toString());
        }
    }

    @Test
    void everyShippedScenario_survivesTheCsvRoundTrip() throws Exception {
        for (Path file : scenarioFiles()) {
            Scenario original = parse(file.toString(), Files.readString(file));
            String csv = MselCsv.write(MselExport.table(original));
            MselImport.Result back = MselImport.read(MselCsv.read(new StringReader(csv)));
            assertEquals(List.of(), back.errors(), file.toString());
            assertEquals(original, parse("back", back.yaml()), file.toString());
        }
    }

    @Test
    void theMsel_hasOneRowPerInject_withBothTimes_conditions_andTheFacilitatorsColumns() throws Exception {
        Scenario drill = parse("drill", Files.readString(Path.of("src/test/resources/test-scenarios/test-drill.yaml")));
        MselTable table = MselExport.table(drill);
        assertEquals(drill.injects().size() + 1, table.msel().size());
        MselTable.Row first = table.msel().get(1);
        assertEquals("1", first.cell(MselColumn.NUMBER.ordinal()));
        assertEquals("kickoff", first.cell(MselColumn.INJECT_ID.ordinal()));
        assertEquals("0m", first.cell(MselColumn.OFFSET.ordinal()));
        assertEquals("D+0 H+0 M+0", first.cell(MselColumn.DAY_TIME.ordinal()));
        assertEquals("Expect a containment lead within ten minutes.", first.cell(MselColumn.NOTES.ordinal()));
        assertTrue(first.cell(MselColumn.EXPECTED_ACTION.ordinal()).startsWith("name-lead: incident_commander assign_role within 10m objective lead"));
        assertEquals("Operational Coordination", first.cell(MselColumn.CAPABILITY.ordinal()));
        assertEquals("D+1 H+2 M+30", MselTimes.dayTime(Duration.ofHours(26).plusMinutes(30)));
        assertEquals(Duration.ofHours(26).plusMinutes(30), MselTimes.parseDayTime("d+1 h+2 m+30"));
        assertEquals("1h30m", MselTimes.offset(Duration.ofMinutes(90)));
        boolean conditional = table.msel().stream().anyMatch(r -> r.cell(MselColumn.CONDITION.ordinal()).contains("when decision"));
        assertTrue(conditional, "the drill has a conditional inject");
    }

    @Test
    void badCells_areReportedAtTheirRowAndColumn_everyOne() throws Exception {
        Scenario drill = parse("drill", Files.readString(Path.of("src/test/resources/test-scenarios/test-drill.yaml")));
        MselTable table = MselExport.table(drill);
        List<MselTable.Row> msel = new ArrayList<>(table.msel());
        msel.set(1, with(msel.get(1), MselColumn.TO, "janitor"));
        msel.set(2, with(with(msel.get(2), MselColumn.DAY_TIME, "tomorrow"), MselColumn.EXPECTED_ACTION, "whatever"));
        String csv = MselCsv.write(new MselTable(msel, table.scenario()));
        MselImport.Result result = MselImport.read(MselCsv.read(new StringReader(csv)));
        assertEquals(null, result.yaml());
        assertTrue(result.errors().contains(new MselError("MSEL", 3, "D", "Scenario time (D+ H+ M+)",
                "'tomorrow' is not a time such as D+0 H+1 M+30")), result.errors().toString());
        assertTrue(result.errors().stream().anyMatch(e -> e.row() == 3 && "L".equals(e.column())), result.errors().toString());
        // Form errors come first; once the cells read, the linter's errors are placed too.
        msel.set(2, table.msel().get(2));
        result = MselImport.read(MselCsv.read(new StringReader(MselCsv.write(new MselTable(msel, table.scenario())))));
        MselError unknownRole = result.errors().get(0);
        assertEquals("MSEL", unknownRole.sheet());
        assertEquals(2, unknownRole.row());
        assertEquals("G", unknownRole.column());
        assertNotNull(unknownRole.message());
        assertTrue(unknownRole.message().contains("janitor"), unknownRole.message());
    }

    private static MselTable.Row with(MselTable.Row row, MselColumn column, String value) {
        List<String> cells = new ArrayList<>(row.cells());
        cells.set(column.ordinal(), value);
        return new MselTable.Row(row.number(), cells);
    }
}
