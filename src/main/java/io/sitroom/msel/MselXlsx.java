package io.sitroom.msel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** The MSEL as an Excel workbook (.xlsx, FastExcel): the sheets MSEL and Scenario, every cell text. */
public final class MselXlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MselXlsx() {
    }

    public static byte[] write(MselTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Sitroom", "1.0");
            sheet(workbook.newWorksheet(MselTable.MSEL_SHEET), table.msel(), true);
            sheet(workbook.newWorksheet(MselTable.SCENARIO_SHEET), table.scenario(), false);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sheet(Worksheet sheet, List<MselTable.Row> rows, boolean wide) {
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r).cells();
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                    sheet.value(r, c, cells.get(c));
                }
            }
            sheet.style(r, 0).set();
        }
        int columns = rows.isEmpty() ? 0 : rows.get(0).cells().size();
        for (int c = 0; c < columns; c++) {
            sheet.style(0, c).bold().fillColor("DDDDDD").set();
            sheet.width(c, wide && c > 1 ? 28 : 16);
        }
        sheet.freezePane(0, 1);
    }

    /** The two sheets of a workbook; a sheet that is not there reads as no rows. */
    public static MselTable read(InputStream in) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            return new MselTable(rows(workbook.findSheet(MselTable.MSEL_SHEET).or(() -> Optional.ofNullable(workbook.getFirstSheet()))),
                    rows(workbook.findSheet(MselTable.SCENARIO_SHEET)));
        }
    }

    private static List<MselTable.Row> rows(Optional<Sheet> sheet) throws IOException {
        List<MselTable.Row> rows = new ArrayList<>();
        if (sheet.isEmpty()) {
            return rows;
        }
        try (Stream<Row> stream = sheet.get().openStream()) {
            stream.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getText());
                }
                rows.add(new MselTable.Row(row.getRowNum(), cells));
            });
        }
        return rows;
    }
}
