package io.sitroom.msel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sitroom.exercise.Scenario;

/** An inject's medium in the MSEL (issue 18, item 4): the Delivery column names it, the Medium column holds its fields. */
class MselMediumTest {

    private static Scenario ddos() throws Exception {
        return MselRoundTripTest.parse("ddos", Files.readString(Path.of("scenarios/ddos-extortion-launch.yaml")));
    }

    @Test
    void aMediumInject_isWrittenAsItsDelivery_andItsFields_onePerLine() throws Exception {
        MselTable table = MselExport.table(ddos());
        assertEquals("Medium", table.msel().get(0).cell(MselColumn.MEDIUM.ordinal()));
        MselTable.Row email = table.msel().get(1);
        assertEquals("extortion-email", email.cell(MselColumn.INJECT_ID.ordinal()));
        assertEquals("e-mail", email.cell(MselColumn.DELIVERY.ordinal()));
        assertEquals("""
                kind: email
                from: Cobalt Kraken <cobalt.kraken@proton.example>
                to: press@kestrelpay.example; security@kestrelpay.example; investors@kestrelpay.example
                subject: Kestrel Card launch - read carefully""", email.cell(MselColumn.MEDIUM.ordinal()));
        MselTable.Row plain = table.msel().get(2);
        assertEquals("room message", plain.cell(MselColumn.DELIVERY.ordinal()));
        assertEquals("", plain.cell(MselColumn.MEDIUM.ordinal()));
    }

    @Test
    void aBadMediumCell_isReportedAtItsRow_inTheMediumColumn() throws Exception {
        MselTable table = MselExport.table(ddos());
        List<MselTable.Row> msel = new ArrayList<>(table.msel());
        List<String> cells = new ArrayList<>(msel.get(1).cells());
        cells.set(MselColumn.MEDIUM.ordinal(), "kind: social\nauthor: Cobalt Kraken\nhandle: ck\nlikes: -5\nshares: 2");
        msel.set(1, new MselTable.Row(2, cells));
        MselImport.Result result = MselImport.read(MselCsv.read(new StringReader(MselCsv.write(new MselTable(msel, table.scenario())))));
        assertNull(result.yaml());
        MselError error = result.errors().get(0);
        assertEquals(2, error.row());
        assertEquals(MselTable.letter(MselColumn.MEDIUM.ordinal()), error.column());
        assertEquals("Medium", error.field());
        assertTrue(error.message().contains("negative"), error.message());

        cells.set(MselColumn.MEDIUM.ordinal(), "news from the Ledger");
        msel.set(1, new MselTable.Row(2, cells));
        result = MselImport.read(MselCsv.read(new StringReader(MselCsv.write(new MselTable(msel, table.scenario())))));
        assertTrue(result.errors().get(0).message().contains("'field: value'"), result.errors().toString());
    }

    @Test
    void aSheetWithoutAMediumColumn_importsAsPlainInjects() throws Exception {
        MselTable table = MselExport.table(ddos());
        List<MselTable.Row> msel = table.msel().stream()
                .map(r -> new MselTable.Row(r.number(), r.cells().subList(0, MselColumn.MEDIUM.ordinal()))).toList();
        MselImport.Result result = MselImport.read(new MselTable(msel, table.scenario()));
        assertEquals(List.of(), result.errors());
        assertNull(MselRoundTripTest.parse("back", result.yaml()).injects().get(0).medium());
    }
}
