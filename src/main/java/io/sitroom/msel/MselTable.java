package io.sitroom.msel;

import java.util.List;

/**
 * A master scenario events list as cells, whatever file it came in: the MSEL sheet (a header row,
 * then one row per inject) and the Scenario sheet (a header row, then one row per scenario field,
 * objective and debrief question). Each row keeps its spreadsheet row number (1 = the header), so
 * errors can say where they are.
 */
public record MselTable(List<Row> msel, List<Row> scenario) {

    public static final String MSEL_SHEET = "MSEL";
    public static final String SCENARIO_SHEET = "Scenario";

    /** A row of cells; {@code number} counts from 1 as spreadsheets do. */
    public record Row(int number, List<String> cells) {

        public String cell(int column) {
            return column >= 0 && column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** The spreadsheet name of a column: A, B, ..., Z, AA, ... */
    public static String letter(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }
}
