package io.sitroom.msel;

import java.util.Optional;

/** The columns of the MSEL sheet, in order; an imported sheet finds them by their header, in any order. */
public enum MselColumn {
    NUMBER("#"),
    INJECT_ID("Inject ID"),
    OFFSET("Scenario time"),
    DAY_TIME("Scenario time (D+ H+ M+)"),
    CONDITION("After / when"),
    FROM("From"),
    TO("To"),
    DELIVERY("Delivery"),
    TITLE("Title"),
    BODY("Body"),
    PROMPTS("Discussion questions"),
    EXPECTED_ACTION("Expected action"),
    OBJECTIVE("Objective"),
    CAPABILITY("Capability"),
    NOTES("Facilitator notes"),
    // Last, so that sheets written before media keep their column letters.
    MEDIUM("Medium");

    private final String header;

    MselColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    public static Optional<MselColumn> ofHeader(String header) {
        for (MselColumn column : values()) {
            if (column.header.equalsIgnoreCase(header.strip())) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
