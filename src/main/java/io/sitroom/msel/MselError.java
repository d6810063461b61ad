package io.sitroom.msel;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A problem in an imported MSEL: the sheet, the row (1 = the header) and column (a letter, and its header) it is in, and what. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MselError(String sheet, int row, String column, String field, String message) {

    @Override
    public String toString() {
        return sheet + " row " + row + (column == null ? "" : ", column " + column) + (field == null ? "" : " (" + field + ")") + ": " + message;
    }
}
