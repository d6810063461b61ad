package io.sitroom.msel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.sitroom.exercise.ScenarioError;
import io.sitroom.exercise.ScenarioLinter;

/**
 * An MSEL read back into a scenario file: each row's cells become the inject's fields, the file is
 * written as YAML and checked by the scenario parser and linter, and every error is reported at the
 * row and column it came from. Pure.
 */
public final class MselImport {

    /** The scenario file, or every error (then {@code yaml} is null). */
    public record Result(String yaml, List<MselError> errors) {
    }

    private static final Pattern AFTER = Pattern.compile("(?i)after\\s+(\\S+)(?:\\s*\\+\\s*(\\S+))?");
    private static final Pattern DECISION = Pattern.compile("(?i)when\\s+decision\\s+(accepted|rejected)(?:\\s+\"(.*)\")?");
    private static final Pattern ROLE_ASSIGNED = Pattern.compile("(?i)when\\s+role\\s+assigned\\s+(\\S+)");
    private static final Pattern EXPECTATION = Pattern.compile("(?i)when\\s+expectation\\s+(met|missed)\\s+(\\S+)");
    private static final Pattern EXPECTED = Pattern.compile("([^:\\s]+):\\s*(\\S+)\\s+(\\S+)((?:\\s+\\S+\\s+\\S+)*)\\s*");
    private static final List<String> EXPECTATION_KEYS = List.of("within", "objective", "assigns", "approvers", "audience");
    private static final Pattern PATH = Pattern.compile("(injects|objectives|debrief)\\[(\\d+)\\](.*)");

    private final List<MselError> errors = new ArrayList<>();
    private final Map<MselColumn, Integer> columns = new EnumMap<>(MselColumn.class);
    private final List<Integer> injectRows = new ArrayList<>();
    private final List<Integer> objectiveRows = new ArrayList<>();
    private final List<Integer> debriefRows = new ArrayList<>();
    private final Map<String, Integer> fieldRows = new LinkedHashMap<>();

    private MselImport() {
    }

    public static Result read(MselTable table) {
        return new MselImport().run(table);
    }

    private Result run(MselTable table) {
        Map<String, Object> scenario = new LinkedHashMap<>();
        readScenarioSheet(table.scenario(), scenario);
        scenario.put("injects", readMsel(table.msel()));
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        String yaml = dump(scenario);
        for (ScenarioError e : ScenarioLinter.validate("import", yaml)) {
            errors.add(locate(e));
        }
        return errors.isEmpty() ? new Result(yaml, List.of()) : new Result(null, List.copyOf(errors));
    }

    // --- the Scenario sheet: field, value (an objective: objective, id, text, capability)

    private void readScenarioSheet(List<MselTable.Row> rows, Map<String, Object> scenario) {
        if (rows.isEmpty()) {
            errors.add(new MselError(MselTable.SCENARIO_SHEET, 1, null, null, "the Scenario sheet is missing (id, title, summary, roles, objectives)"));
            return;
        }
        List<Map<String, Object>> objectives = new ArrayList<>();
        List<String> debrief = new ArrayList<>();
        for (MselTable.Row row : rows.subList(1, rows.size())) {
            if (row.blank()) {
                continue;
            }
            String field = row.cell(0).strip().toLowerCase(java.util.Locale.ROOT);
            String value = row.cell(1);
            switch (field) {
                case "id", "title", "summary", "duration" -> {
                    if (!value.isBlank()) {
                        scenario.put(field, field.equals("summary") || field.equals("title") ? value : value.strip());
                    }
                    fieldRows.put(field, row.number());
                }
                case "roles" -> {
                    scenario.put("roles", list(value));
                    fieldRows.put("roles", row.number());
                }
                case "objective" -> {
                    Map<String, Object> objective = new LinkedHashMap<>();
                    putIfSet(objective, "id", value.strip());
                    putIfSet(objective, "text", row.cell(2));
                    putIfSet(objective, "capability", row.cell(3));
                    objectives.add(objective);
                    objectiveRows.add(row.number());
                }
                case "debrief" -> {
                    debrief.add(value);
                    debriefRows.add(row.number());
                }
                default -> errors.add(new MselError(MselTable.SCENARIO_SHEET, row.number(), "A", "Field",
                        "unknown field '" + row.cell(0) + "'; one of id, title, summary, duration, roles, objective, debrief"));
            }
        }
        scenario.put("objectives", objectives);
        if (!debrief.isEmpty()) {
            scenario.put("debrief", debrief);
        }
    }

    // --- the MSEL sheet: one inject a row

    private List<Map<String, Object>> readMsel(List<MselTable.Row> rows) {
        List<Map<String, Object>> injects = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new MselError(MselTable.MSEL_SHEET, 1, null, null, "the MSEL sheet is missing or empty"));
            return injects;
        }
        MselTable.Row header = rows.get(0);
        for (int c = 0; c < header.cells().size(); c++) {
            Optional<MselColumn> column = MselColumn.ofHeader(header.cell(c));
            if (column.isPresent() && columns.putIfAbsent(column.get(), c) != null) {
                errors.add(new MselError(MselTable.MSEL_SHEET, 1, MselTable.letter(c), header.cell(c), "this column appears twice"));
            }
        }
        for (MselColumn required : List.of(MselColumn.INJECT_ID, MselColumn.TITLE, MselColumn.BODY, MselColumn.TO, MselColumn.CONDITION)) {
            if (!columns.containsKey(required)) {
                errors.add(new MselError(MselTable.MSEL_SHEET, 1, null, required.header(), "the header has no column '" + required.header() + "'"));
            }
        }
        if (!columns.containsKey(MselColumn.OFFSET) && !columns.containsKey(MselColumn.DAY_TIME)) {
            errors.add(new MselError(MselTable.MSEL_SHEET, 1, null, MselColumn.OFFSET.header(),
                    "the header has no scenario time column ('" + MselColumn.OFFSET.header() + "' or '" + MselColumn.DAY_TIME.header() + "')"));
        }
        if (!errors.isEmpty()) {
            return injects;
        }
        for (MselTable.Row row : rows.subList(1, rows.size())) {
            if (!row.blank()) {
                injects.add(inject(row));
                injectRows.add(row.number());
            }
        }
        return injects;
    }

    private Map<String, Object> inject(MselTable.Row row) {
        Map<String, Object> inject = new LinkedHashMap<>();
        putIfSet(inject, "id", cell(row, MselColumn.INJECT_ID).strip());
        putIfSet(inject, "title", cell(row, MselColumn.TITLE));
        putIfSet(inject, "body", cell(row, MselColumn.BODY));
        String to = cell(row, MselColumn.TO);
        if (!to.isBlank()) {
            inject.put("to", list(to));
        }
        timing(row, inject);
        List<String> prompts = lines(cell(row, MselColumn.PROMPTS));
        if (!prompts.isEmpty()) {
            inject.put("prompts", prompts);
        }
        putIfSet(inject, "facilitatorNotes", cell(row, MselColumn.NOTES));
        medium(row, inject);
        List<Map<String, Object>> expectations = new ArrayList<>();
        for (String line : lines(cell(row, MselColumn.EXPECTED_ACTION))) {
            Map<String, Object> expectation = expectation(line);
            if (expectation == null) {
                error(row, MselColumn.EXPECTED_ACTION, "'" + line + "' is not an expected action; write '<id>: <role> <action> within <duration>"
                        + " objective <objective>' (then, as the action needs: assigns <role>, approvers <role>,<role>, audience <audience>)");
            } else {
                expectations.add(expectation);
            }
        }
        if (!expectations.isEmpty()) {
            inject.put("expectations", expectations);
        }
        return inject;
    }

    /** The time cells and the After / when cell, as the scenario's timing fields; the parser says when they do not make one. */
    private void timing(MselTable.Row row, Map<String, Object> inject) {
        String offset = cell(row, MselColumn.OFFSET).strip();
        String dayTime = cell(row, MselColumn.DAY_TIME).strip();
        if (!dayTime.isEmpty()) {
            Duration parsed = MselTimes.parseDayTime(dayTime);
            if (parsed == null) {
                error(row, MselColumn.DAY_TIME, "'" + dayTime + "' is not a time such as D+0 H+1 M+30");
            } else if (offset.isEmpty()) {
                offset = MselTimes.offset(parsed);
            } else if (!parsed.equals(MselTimes.parseOffset(offset))) {
                error(row, MselColumn.DAY_TIME, "'" + dayTime + "' is not the same time as '" + offset + "'; give one, or both alike");
            }
        }
        if (!offset.isEmpty()) {
            inject.put("at", offset);
        }
        for (String line : lines(cell(row, MselColumn.CONDITION))) {
            Matcher m;
            if (line.equalsIgnoreCase("manual")) {
                inject.put("manual", true);
            } else if ((m = AFTER.matcher(line)).matches()) {
                inject.put("after", m.group(1));
                if (m.group(2) != null) {
                    inject.put("delay", m.group(2));
                }
            } else if ((m = DECISION.matcher(line)).matches()) {
                Map<String, Object> when = new LinkedHashMap<>();
                when.put("decision", m.group(1).toLowerCase(java.util.Locale.ROOT));
                putIfSet(when, "titleContains", m.group(2));
                inject.put("when", when);
            } else if ((m = ROLE_ASSIGNED.matcher(line)).matches()) {
                inject.put("when", Map.of("roleAssigned", m.group(1)));
            } else if ((m = EXPECTATION.matcher(line)).matches()) {
                inject.put("when", Map.of(m.group(1).equalsIgnoreCase("met") ? "expectationMet" : "expectationMissed", m.group(2)));
            } else {
                error(row, MselColumn.CONDITION, "'" + line + "' is not a condition; write 'after <inject> [+ 5m]', 'when decision accepted|rejected"
                        + " [\"title text\"]', 'when role assigned <role>', 'when expectation met|missed <expectation>' or 'manual'");
            }
        }
    }

    /** The Medium cell: {@code field: value} lines ({@code kind: news}, {@code outlet: ...}); the parser checks the fields. */
    private void medium(MselTable.Row row, Map<String, Object> inject) {
        List<String> lines = lines(cell(row, MselColumn.MEDIUM));
        if (lines.isEmpty()) {
            return;
        }
        Map<String, Object> medium = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (key.isEmpty() || value.isEmpty()) {
                error(row, MselColumn.MEDIUM, "'" + line + "' is not a field of a medium; write one 'field: value' a line, starting with"
                        + " 'kind: news' (or social, email, call, document)");
            } else if (medium.containsKey(key)) {
                error(row, MselColumn.MEDIUM, "'" + key + "' appears twice");
            } else if (key.equals("to") || key.equals("cc")) {
                medium.put(key, Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList());
            } else {
                medium.put(key, value);
            }
        }
        inject.put("medium", medium);
    }

    private static Map<String, Object> expectation(String line) {
        Matcher m = EXPECTED.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Map<String, Object> expectation = new LinkedHashMap<>();
        expectation.put("id", m.group(1));
        expectation.put("role", m.group(2));
        expectation.put("action", m.group(3));
        String[] pairs = m.group(4).strip().isEmpty() ? new String[0] : m.group(4).strip().split("\\s+");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            String key = pairs[i].toLowerCase(java.util.Locale.ROOT);
            if (!EXPECTATION_KEYS.contains(key) || expectation.containsKey(key)) {
                return null;
            }
            expectation.put(key, key.equals("approvers") ? Arrays.stream(pairs[i + 1].split(",")).map(String::strip).toList() : pairs[i + 1]);
        }
        return expectation;
    }

    // --- errors of the parser and linter, at the cell they came from

    private MselError locate(ScenarioError e) {
        String path = e.path() == null ? "" : e.path();
        Matcher m = PATH.matcher(path);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(2));
            String list = m.group(1);
            if (list.equals("injects") && index < injectRows.size()) {
                MselColumn column = columnOf(m.group(3));
                Integer position = columns.get(column);
                return new MselError(MselTable.MSEL_SHEET, injectRows.get(index), position == null ? null : MselTable.letter(position),
                        column.header(), e.message());
            }
            List<Integer> rows = list.equals("objectives") ? objectiveRows : debriefRows;
            if (index < rows.size()) {
                String rest = m.group(3);
                int column = rest.startsWith(".text") ? 2 : rest.startsWith(".capability") ? 3 : 1;
                return new MselError(MselTable.SCENARIO_SHEET, rows.get(index), MselTable.letter(column),
                        MselExport.SCENARIO_HEADER.get(column), e.message());
            }
        }
        if (path.startsWith("injects")) {
            return new MselError(MselTable.MSEL_SHEET, 1, null, null, e.message());
        }
        String field = path.split("[.\\[]", 2)[0];
        Integer row = fieldRows.get(field);
        return new MselError(MselTable.SCENARIO_SHEET, row == null ? 1 : row, row == null ? null : "B",
                field.isEmpty() ? null : field, e.message());
    }

    private static MselColumn columnOf(String rest) {
        String field = rest.startsWith(".") ? rest.substring(1).split("[.\\[]", 2)[0] : "";
        return switch (field) {
            case "id" -> MselColumn.INJECT_ID;
            case "title" -> MselColumn.TITLE;
            case "body" -> MselColumn.BODY;
            case "to" -> MselColumn.TO;
            case "at" -> MselColumn.OFFSET;
            case "prompts" -> MselColumn.PROMPTS;
            case "facilitatorNotes" -> MselColumn.NOTES;
            case "expectations" -> MselColumn.EXPECTED_ACTION;
            case "medium" -> MselColumn.MEDIUM;
            default -> MselColumn.CONDITION;
        };
    }

    // --- helpers

    private String cell(MselTable.Row row, MselColumn column) {
        Integer position = columns.get(column);
        return position == null ? "" : row.cell(position);
    }

    private void error(MselTable.Row row, MselColumn column, String message) {
        Integer position = columns.get(column);
        errors.add(new MselError(MselTable.MSEL_SHEET, row.number(), position == null ? null : MselTable.letter(position), column.header(),
                message));
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> lines(String cell) {
        return cell.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String dump(Map<String, Object> scenario) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        options.setSplitLines(false);
        return new Yaml(options).dump(scenario);
    }
}
