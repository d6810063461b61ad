package io.sitroom.playbook;

import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.sitroom.crypto.Sha256;
import io.sitroom.json.CanonicalForm;
import io.sitroom.playbook.Playbook.FieldDef;
import io.sitroom.playbook.Playbook.Step;
import io.sitroom.role.Role;
import io.sitroom.room.Phase;
import io.sitroom.room.Severity;
import io.sitroom.room.Taxonomy;

/**
 * Reads and lints a playbook file, reporting every problem with its line and field path rather than
 * stopping at the first. Works on SnakeYAML's node tree, which keeps positions. Pure.
 */
public final class PlaybookParser {

    public static final int MAX_CHARS = 500_000;
    static final int MAX_STEPS = 300;
    static final int MAX_FIELDS = 50;
    static final Duration MAX_DUE = Duration.ofDays(90);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    private static final Pattern LOCAL_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?");

    /**
     * The outcome: the playbook when there was no error, and the SHA-256 of the file's canonical form (the
     * canonical JSON of its YAML data, every scalar as its text: comments, layout and key order do not count).
     */
    public record Result(Playbook playbook, String sha256, List<PlaybookError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final String file;
    private final Taxonomy taxonomy;
    private final List<PlaybookError> errors = new ArrayList<>();
    /** The line of every mapping read, by its path: where a field missing from it is reported. */
    private final Map<String, Integer> lines = new HashMap<>();

    private PlaybookParser(String file, Taxonomy taxonomy) {
        this.file = file;
        this.taxonomy = taxonomy;
    }

    /** Reads a playbook against Sitroom's own severities and phases. */
    public static Result parse(String file, String text) {
        return parse(file, text, Taxonomy.defaults());
    }

    /** Reads a playbook against the deployment's severities and phases (ids or their aliases). */
    public static Result parse(String file, String text, Taxonomy taxonomy) {
        return new PlaybookParser(file, taxonomy).run(text);
    }

    private Result run(String text) {
        if (text == null || text.isBlank()) {
            return failed(null, "", "the file is empty");
        }
        if (text.length() > MAX_CHARS) {
            return failed(null, "", "the file is larger than " + MAX_CHARS + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_CHARS * 2);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            errors.add(new PlaybookError(file, line, "", "not valid YAML: " + e.getProblem()));
            return new Result(null, null, List.copyOf(errors));
        } catch (YAMLException e) {
            return failed(null, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return failed(null, "", "the file is empty");
        }
        Playbook playbook = playbook(root);
        String sha = errors.isEmpty() ? Sha256.hex(CanonicalForm.write(plain(root))) : null;
        return new Result(errors.isEmpty() ? playbook : null, sha, List.copyOf(errors));
    }

    private Result failed(Node node, String path, String message) {
        error(node, path, message);
        return new Result(null, null, List.copyOf(errors));
    }

    /** The YAML data as plain values, every scalar as its text, for the canonical form. */
    private static Object plain(Node node) {
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new TreeMap<>();
            for (NodeTuple t : m.getValue()) {
                map.put(((ScalarNode) t.getKeyNode()).getValue(), plain(t.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode s) {
            return s.getValue().stream().map(PlaybookParser::plain).toList();
        }
        return ((ScalarNode) node).getValue();
    }

    private Playbook playbook(Node root) {
        Map<String, Node> top = mapping(root, "", Set.of("id", "version", "title", "description", "severity", "roles", "cadence",
                "fields", "checklist"));
        if (top == null) {
            return null;
        }
        String id = text(top, "id", "", true, 64);
        if (id != null && !ID.matcher(id).matches()) {
            error(top.get("id"), "id", "must be 3 to 64 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        int version = version(top.get("version"));
        String title = text(top, "title", "", true, 200);
        String description = text(top, "description", "", true, 5_000);
        Severity severity = top.containsKey("severity") ? severity(top.get("severity"), "severity") : taxonomy.defaultSeverity();
        Set<Role> roles = roles(top.get("roles"));
        Map<Severity, Duration> cadence = top.containsKey("cadence") ? cadence(top.get("cadence")) : Map.of();
        List<FieldDef> fields = top.containsKey("fields") ? fields(top.get("fields")) : List.of();
        List<Step> steps = checklist(top.get("checklist"), roles);
        if (errors.isEmpty()) {
            return new Playbook(id, version, title, description, severity, roles, cadence, fields, steps);
        }
        return null;
    }

    private int version(Node node) {
        if (node == null) {
            error(null, "version", "is required (a whole number, raised with every change to the file)");
            return 0;
        }
        String value = scalar(node, "version", 10);
        try {
            int v = value == null ? 0 : Integer.parseInt(value);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        if (value != null) {
            error(node, "version", "must be a whole number from 1, not '" + value + "'");
        }
        return 0;
    }

    private Severity severity(Node node, String path) {
        String value = scalar(node, path, 64);
        if (value == null) {
            return null;
        }
        Optional<Severity> severity = taxonomy.severity(value);
        if (severity.isEmpty()) {
            error(node, path, "must be one of " + severityIds() + ", not '" + value + "'");
        }
        return severity.orElse(null);
    }

    private String severityIds() {
        return taxonomy.severities().stream().map(l -> l.id().id()).collect(Collectors.joining(", "));
    }

    private Set<Role> roles(Node node) {
        if (node == null) {
            error(null, "roles", "is required: the roles this type of incident needs filled");
            return Set.of();
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            error(node, "roles", "must be a list of roles, such as [incident_commander, containment_lead]");
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < seq.getValue().size(); i++) {
            Role role = role(seq.getValue().get(i), "roles[" + i + "]");
            if (role == Role.FACILITATOR || role == Role.PARTICIPANT) {
                error(seq.getValue().get(i), "roles[" + i + "]", role.wire() + " is a role of exercises, not of an incident");
            } else if (role != null && !roles.add(role)) {
                error(seq.getValue().get(i), "roles[" + i + "]", "'" + role.wire() + "' is listed twice");
            }
        }
        if (!roles.contains(Role.INCIDENT_COMMANDER)) {
            error(node, "roles", "must include incident_commander: every incident has one");
        }
        return roles;
    }

    private Role role(Node node, String path) {
        String name = scalar(node, path, 64);
        if (name == null) {
            return null;
        }
        return Role.find(name).orElseGet(() -> {
            error(node, path, "unknown role '" + name + "' (one of incident_commander, containment_lead, comms_approver, legal, "
                    + "scribe, executive, observer)");
            return null;
        });
    }

    private Map<Severity, Duration> cadence(Node node) {
        Map<String, NodeTuple> entries = entries(node, "cadence");
        if (entries == null) {
            return Map.of();
        }
        Map<Severity, Duration> cadence = new TreeMap<>(taxonomy.bySeverity());
        entries.forEach((name, entry) -> {
            Node value = entry.getValueNode();
            Optional<Severity> severity = taxonomy.severity(name);
            if (severity.isEmpty()) {
                error(entry.getKeyNode(), "cadence." + name, "'" + name + "' is not a severity here (" + severityIds() + ")");
                return;
            }
            Duration d = duration(value, "cadence." + name);
            if (d != null && d.compareTo(Duration.ofMinutes(5)) < 0) {
                error(value, "cadence." + name, "must be at least 5m: nobody writes a status update more often");
            } else if (d != null && cadence.put(severity.get(), d) != null) {
                error(value, "cadence." + name, "sets " + severity.get() + " a second time");
            }
        });
        return cadence;
    }

    private List<FieldDef> fields(Node node) {
        if (!(node instanceof SequenceNode seq)) {
            error(node, "fields", "must be a list of fields");
            return List.of();
        }
        if (seq.getValue().size() > MAX_FIELDS) {
            error(node, "fields", "has more than " + MAX_FIELDS + " fields");
        }
        List<FieldDef> fields = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String path = "fields[" + i + "]";
            Map<String, Node> f = mapping(seq.getValue().get(i), path, Set.of("id", "label", "type", "options", "required"));
            if (f == null) {
                continue;
            }
            String fieldId = localId(f, path);
            if (fieldId != null && !ids.add(fieldId)) {
                error(f.get("id"), path + ".id", "another field has the id '" + fieldId + "'");
            }
            String label = text(f, "label", path, true, 100);
            String typeName = text(f, "type", path, true, 20);
            FieldType type = typeName == null ? null : FieldType.find(typeName).orElse(null);
            if (typeName != null && type == null) {
                error(f.get("type"), path + ".type", "unknown field type '" + typeName + "' (one of text, number, select, multi_select, "
                        + "user, date)");
            }
            List<String> options = f.containsKey("options") ? strings(f.get("options"), path + ".options", 100) : List.of();
            if (type != null && type.hasOptions() && options.isEmpty()) {
                error(f.get("type"), path + ".options", "a " + type.wire() + " field needs a list of options");
            } else if (type != null && !type.hasOptions() && !options.isEmpty()) {
                error(f.get("options"), path + ".options", "only select and multi_select fields have options");
            }
            if (new HashSet<>(options).size() != options.size()) {
                error(f.get("options"), path + ".options", "lists an option twice");
            }
            boolean required = f.containsKey("required") && bool(f.get("required"), path + ".required");
            fields.add(new FieldDef(fieldId, label, type, options, required));
        }
        return fields;
    }

    private List<Step> checklist(Node node, Set<Role> roles) {
        if (node == null) {
            error(null, "checklist", "is required: the steps of the playbook, by phase");
            return List.of();
        }
        Map<String, NodeTuple> byPhase = entries(node, "checklist");
        if (byPhase == null) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<Phase, Integer> order = new HashMap<>();
        taxonomy.phases().forEach(stage -> order.put(stage.id(), order.size()));
        for (Map.Entry<String, NodeTuple> entry : byPhase.entrySet()) {
            String phaseName = entry.getKey();
            Node list = entry.getValue().getValueNode();
            String path = "checklist." + phaseName;
            Optional<Phase> phase = taxonomy.phase(phaseName).filter(p -> !p.isClosed());
            if (phase.isEmpty()) {
                error(entry.getValue().getKeyNode(), path, "'" + phaseName + "' is not a phase here (" + taxonomy.phases().stream().map(st -> st.id().id())
                        .filter(id -> !id.equals(Phase.CLOSED.id())).collect(Collectors.joining(", ")) + ")");
                continue;
            }
            if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                error(list, path, "must be a list of steps");
                continue;
            }
            for (int i = 0; i < seq.getValue().size(); i++) {
                Step step = step(seq.getValue().get(i), path + "[" + i + "]", phase.get(), roles, ids);
                if (step != null) {
                    steps.add(step);
                }
            }
        }
        // Steps keep the order of the deployment's phases, then their order in the file.
        steps.sort(java.util.Comparator.comparingInt(step -> order.get(step.phase())));
        if (steps.isEmpty() && errors.isEmpty()) {
            error(node, "checklist", "has no steps");
        }
        if (steps.size() > MAX_STEPS) {
            error(node, "checklist", "has more than " + MAX_STEPS + " steps");
        }
        return steps;
    }

    private Step step(Node node, String path, Phase phase, Set<Role> roles, Set<String> ids) {
        Map<String, Node> s = mapping(node, path, Set.of("id", "text", "owner", "due", "decision", "guidance"));
        if (s == null) {
            return null;
        }
        String stepId = localId(s, path);
        if (stepId != null && !ids.add(stepId)) {
            error(s.get("id"), path + ".id", "another step has the id '" + stepId + "'");
        }
        String text = text(s, "text", path, true, 500);
        Role owner = null;
        if (s.get("owner") == null) {
            error(node, path + ".owner", "is required: the role that owns the step");
        } else {
            owner = role(s.get("owner"), path + ".owner");
            if (owner != null && !roles.contains(owner)) {
                error(s.get("owner"), path + ".owner", "'" + owner.wire() + "' is not among the type's roles; add it to roles");
            }
        }
        Duration due = s.containsKey("due") ? duration(s.get("due"), path + ".due") : null;
        if (due != null && (due.isZero() || due.compareTo(MAX_DUE) > 0)) {
            error(s.get("due"), path + ".due", "must be more than 0 and at most 90d after opening");
        }
        boolean decision = s.containsKey("decision") && bool(s.get("decision"), path + ".decision");
        String guidance = text(s, "guidance", path, false, 2_000);
        return new Step(stepId, phase, text, owner, due, decision, guidance);
    }

    private Map<String, Node> mapping(Node node, String path, Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            error(node, path, path.isEmpty() ? "the file must be a mapping of fields (id, version, title, ...)" : "must be a mapping");
            return null;
        }
        lines.put(path, node.getStartMark().getLine() + 1);
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                error(t.getKeyNode(), path, "keys must be plain names");
                continue;
            }
            String name = key.getValue();
            if (!allowed.contains(name)) {
                error(key, join(path, name), "unknown field '" + name + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed))
                        + ")");
            } else {
                fields.put(name, t.getValueNode());
            }
        }
        return fields;
    }

    /** A mapping whose keys are names the caller checks (severities, phases), in the file's order, with their key nodes. */
    private Map<String, NodeTuple> entries(Node node, String path) {
        if (!(node instanceof MappingNode m)) {
            error(node, path, "must be a mapping");
            return null;
        }
        lines.put(path, node.getStartMark().getLine() + 1);
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), t);
            } else {
                error(t.getKeyNode(), path, "keys must be plain names");
            }
        }
        return entries;
    }

    private List<String> strings(Node node, String path, int max) {
        if (!(node instanceof SequenceNode seq)) {
            error(node, path, "must be a list of texts");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String value = scalar(seq.getValue().get(i), path + "[" + i + "]", max);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private String text(Map<String, Node> fields, String name, String parent, boolean required, int max) {
        Node node = fields.get(name);
        if (node == null) {
            if (required) {
                error(null, join(parent, name), "is required");
            }
            return null;
        }
        return scalar(node, join(parent, name), max);
    }

    private String scalar(Node node, String path, int max) {
        if (!(node instanceof ScalarNode s)) {
            error(node, path, "must be text");
            return null;
        }
        String value = s.getValue().strip();
        if (value.isEmpty()) {
            error(node, path, "must not be empty");
            return null;
        }
        if (value.length() > max) {
            error(node, path, "is longer than " + max + " characters");
            return null;
        }
        return value;
    }

    private boolean bool(Node node, String path) {
        String value = scalar(node, path, 5);
        if ("true".equals(value)) {
            return true;
        }
        if (value != null && !"false".equals(value)) {
            error(node, path, "must be true or false");
        }
        return false;
    }

    private String localId(Map<String, Node> fields, String path) {
        String id = text(fields, "id", path, true, 64);
        if (id != null && !LOCAL_ID.matcher(id).matches()) {
            error(fields.get("id"), join(path, "id"), "must be a-z, 0-9, '-' or '_', starting with a letter or digit");
            return null;
        }
        return id;
    }

    private Duration duration(Node node, String path) {
        String value = scalar(node, path, 32);
        if (value == null) {
            return null;
        }
        Matcher m = DURATION.matcher(value);
        if (m.matches() && !value.isEmpty()) {
            return Duration.ofDays(group(m, 1)).plusHours(group(m, 2)).plusMinutes(group(m, 3));
        }
        try {
            Duration parsed = Duration.parse(value);
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(node, path, "'" + value + "' is not a duration such as 15m, 4h, 1d or 1h30m");
        return null;
    }

    private static long group(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** Records an error at the node's line; an error without a node (a missing field) at the line of the mapping it is missing from. */
    private void error(Node node, String path, String message) {
        int line = node != null ? node.getStartMark().getLine() + 1 : lines.getOrDefault(parentOf(path), 1);
        errors.add(new PlaybookError(file, line, path, message));
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
