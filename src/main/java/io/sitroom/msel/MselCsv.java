package io.sitroom.msel;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The MSEL as CSV (RFC 4180, Apache Commons CSV): the MSEL table, an empty line, then the Scenario
 * table. Rows are numbered as a spreadsheet opening the file numbers them.
 */
public final class MselCsv {

    public static final String MEDIA_TYPE = "text/csv";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private MselCsv() {
    }

    public static String write(MselTable table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (MselTable.Row row : table.msel()) {
                printer.printRecord(row.cells());
            }
            printer.println();
            for (MselTable.Row row : table.scenario()) {
                printer.printRecord(row.cells());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static MselTable read(Reader in) throws IOException {
        List<MselTable.Row> msel = new ArrayList<>();
        List<MselTable.Row> scenario = new ArrayList<>();
        List<MselTable.Row> current = msel;
        int line = 0;
        for (CSVRecord record : FORMAT.parse(in)) {
            line++;
            List<String> cells = record.toList();
            boolean empty = cells.stream().allMatch(String::isEmpty);
            if (empty && current == msel && !msel.isEmpty()) {
                current = scenario;
            } else if (!empty || current == scenario && !scenario.isEmpty()) {
                // Rows are the file's records, as a spreadsheet numbers them (a quoted cell over several lines is one).
                current.add(new MselTable.Row(line, cells));
            }
        }
        return new MselTable(msel, scenario);
    }
}
