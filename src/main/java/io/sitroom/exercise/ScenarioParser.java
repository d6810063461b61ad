package io.sitroom.exercise;

import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import io.sitroom.comms.Audience;
import io.sitroom.error.SitroomException;
import io.sitroom.exercise.Scenario.Action;
import io.sitroom.exercise.Scenario.Condition;
import io.sitroom.exercise.Scenario.Expectation;
import io.sitroom.exercise.Scenario.Inject;
import io.sitroom.exercise.Scenario.Objective;
import io.sitroom.exercise.Scenario.Timing;
import io.sitroom.role.Role;

/**
 * Reads a scenario file into a {@link Scenario}, reporting every problem with its line and field
 * path rather than stopping at the first. Works on SnakeYAML's node tree, which keeps positions.
 */
public final class ScenarioParser {

    /** The largest scenario file accepted. */
    public static final int MAX_CHARS = 1_000_000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?(?:(\\d{1,6})s)?");

    /** The outcome of parsing: the scenario when there was no error, and the line of every field path seen. */
    public record Result(Scenario scenario, List<ScenarioError> errors, Map<String, Integer> lines) {
    }

    private final String file;
    private final List<ScenarioError> errors = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private ScenarioParser(String file) {
        this.file = file;
    }

    public static Result parse(String file, String text) {
        return new ScenarioParser(file).run(text);
    }

    private Result run(String text) {
        if (text == null || text.isBlank()) {
            error(null, "", "the file is empty");
            return result(null);
        }
        if (text.length() > MAX_CHARS) {
            error(null, "", "the file is larger than " + MAX_CHARS + " characters");
            return result(null);
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
            errors.add(new ScenarioError(file, line, "", "not valid YAML: " + e.getProblem()));
            return result(null);
        } catch (YAMLException e) {
            errors.add(new ScenarioError(file, 1, "", "not valid YAML: " + e.getMessage()));
            return result(null);
        }
        if (root == null) {
            error(null, "", "the file is empty");
            return result(null);
        }
        Scenario scenario = scenario(root);
        return result(errors.isEmpty() ? scenario : null);
    }

    private Result result(Scenario scenario) {
        return new Result(scenario, List.copyOf(errors), Map.copyOf(lines));
    }

    private Scenario scenario(Node root) {
        Map<String, Node> top = mapping(root, "", Set.of("id", "title", "summary", "duration", "roles", "objectives", "injects", "debrief"));
        if (top == null) {
            return null;
        }
        String id = text(top, "id", "", true, 64);
        if (id != null && !ID.matcher(id).matches()) {
            error(top.get("id"), "id", "must be 3 to 64 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
        String title = text(top, "title", "", true, 200);
        String summary = text(top, "summary", "", true, 20_000);
        Duration duration = top.containsKey("duration") ? duration(top.get("duration"), "duration") : null;
        Set<Role> roles = roles(top.get("roles"), "roles", true);
        if (roles != null && roles.contains(Role.FACILITATOR)) {
            error(top.get("roles"), "roles", "facilitator is not a player role; every exercise has one");
        }
        List<Objective> objectives = list(top, "objectives", "", true, this::objective);
        List<Inject> injects = list(top, "injects", "", true, this::inject);
        List<String> debrief = top.containsKey("debrief") ? strings(top.get("debrief"), "debrief", 1_000) : List.of();
        return new Scenario(id, title, summary, duration, roles, objectives, injects, debrief);
    }

    private Objective objective(Node node, String path) {
        Map<String, Node> fields = mapping(node, path, Set.of("id", "text", "capability"));
        if (fields == null) {
            return null;
        }
        return new Objective(localId(fields, path), text(fields, "text", path, true, 1_000), text(fields, "capability", path, true, 200));
    }

    private Inject inject(Node node, String path) {
        Map<String, Node> fields = mapping(node, path,
                Set.of("id", "title", "body", "to", "at", "after", "delay", "when", "manual", "prompts", "facilitatorNotes", "expectations",
                        "medium"));
        if (fields == null) {
            return null;
        }
        String id = localId(fields, path);
        String title = text(fields, "title", path, true, 200);
        String body = text(fields, "body", path, true, 20_000);
        Set<Role> to = roles(fields.get("to"), join(path, "to"), true);
        if (fields.get("to") instanceof SequenceNode seq && seq.getValue().isEmpty()) {
            error(fields.get("to"), join(path, "to"), "names no role");
        }
        Timing timing = timing(fields, path);
        List<String> prompts = fields.containsKey("prompts") ? strings(fields.get("prompts"), join(path, "prompts"), 1_000) : List.of();
        String notes = text(fields, "facilitatorNotes", path, false, 10_000);
        List<Expectation> expectations = fields.containsKey("expectations") ? list(fields, "expectations", path, false, this::expectation)
                : List.of();
        Medium medium = fields.containsKey("medium") ? medium(fields.get("medium"), join(path, "medium")) : null;
        return new Inject(id, title, body, to, timing, prompts, notes, expectations, medium);
    }

    /** The fields each medium kind may have; the records say which are required. */
    private static final Map<String, Set<String>> MEDIUM_FIELDS = Map.of(
            "news", Set.of("kind", "outlet", "headline", "byline"),
            "social", Set.of("kind", "author", "handle", "likes", "shares", "platform"),
            "email", Set.of("kind", "from", "to", "subject", "cc"),
            "call", Set.of("kind", "caller", "callee", "duration"),
            "document", Set.of("kind", "title", "filename", "classification"));
    private static final Pattern HANDLE = Pattern.compile("@?[\\p{L}\\p{N}_.-]{1,64}");

    private Medium medium(Node node, String path) {
        record(node, path);
        if (!(node instanceof MappingNode map)) {
            error(node, path, "must be a mapping: 'kind' (one of " + String.join(", ", Medium.KINDS) + ") and the kind's fields");
            return null;
        }
        Node kindNode = map.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("kind"))
                .map(NodeTuple::getValueNode).findFirst().orElse(null);
        if (kindNode == null) {
            error(node, join(path, "kind"), "is required: one of " + String.join(", ", Medium.KINDS));
            return null;
        }
        String kind = scalar(kindNode, join(path, "kind"), 32);
        if (kind == null) {
            return null;
        }
        if (!MEDIUM_FIELDS.containsKey(kind)) {
            error(kindNode, join(path, "kind"), "unknown kind '" + kind + "'; one of " + String.join(", ", Medium.KINDS));
            return null;
        }
        Map<String, Node> fields = mapping(node, path, MEDIUM_FIELDS.get(kind));
        if (fields == null) {
            return null;
        }
        int before = errors.size();
        java.util.function.Supplier<Medium> medium = switch (kind) {
            case "news" -> {
                String outlet = line(fields, "outlet", path, true);
                String headline = line(fields, "headline", path, true);
                String byline = line(fields, "byline", path, false);
                yield () -> new Medium.News(outlet, headline, byline);
            }
            case "social" -> {
                String author = line(fields, "author", path, true);
                String handle = line(fields, "handle", path, true);
                if (handle != null && !HANDLE.matcher(handle).matches()) {
                    error(fields.get("handle"), join(path, "handle"), "must be letters, digits, '_', '.' or '-' (at most 64; an '@' before them is fine)");
                }
                Long likes = count(fields, "likes", path);
                Long shares = count(fields, "shares", path);
                String platform = line(fields, "platform", path, false);
                yield () -> new Medium.Social(author, handle, likes, shares, platform);
            }
            case "email" -> {
                String from = line(fields, "from", path, true);
                List<String> to = addresses(fields, "to", path, true);
                String subject = line(fields, "subject", path, true);
                List<String> cc = addresses(fields, "cc", path, false);
                yield () -> new Medium.Email(from, to, subject, cc);
            }
            case "call" -> {
                String caller = line(fields, "caller", path, true);
                String callee = line(fields, "callee", path, false);
                Duration length = fields.containsKey("duration") ? duration(fields.get("duration"), join(path, "duration")) : null;
                if (length != null && length.compareTo(Duration.ofDays(1)) > 0) {
                    error(fields.get("duration"), join(path, "duration"), "is longer than a day");
                }
                yield () -> new Medium.Call(caller, callee, length == null ? null : length.toSeconds());
            }
            default -> {
                String title = line(fields, "title", path, false);
                String filename = line(fields, "filename", path, false);
                if (!fields.containsKey("title") && !fields.containsKey("filename")) {
                    error(node, join(path, "title"), "a document needs a 'title', a 'filename', or both");
                }
                String classification = line(fields, "classification", path, false);
                yield () -> new Medium.Document(title, filename, classification);
            }
        };
        if (errors.size() > before) {
            return null;
        }
        try {
            return medium.get();
        } catch (SitroomException e) {
            // The checks above mirror the record's; this catches what only the record knows (e.g. a control character).
            error(node, path, e.getMessage());
            return null;
        }
    }

    /** A one-line text: a medium's headers are shown as headers. */
    private String line(Map<String, Node> fields, String name, String parent, boolean required) {
        String value = text(fields, name, parent, required, name.equals("filename") ? 255 : Medium.MAX_TEXT);
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            error(fields.get(name), join(parent, name), "must be one line");
            return null;
        }
        return value;
    }

    /** A count such as likes: a whole number, not negative. */
    private Long count(Map<String, Node> fields, String name, String parent) {
        String value = text(fields, name, parent, true, 20);
        if (value == null) {
            return null;
        }
        if (!value.matches("-?\\d{1,15}")) {
            error(fields.get(name), join(parent, name), "must be a whole number such as 120");
            return null;
        }
        long count = Long.parseLong(value);
        if (count < 0) {
            error(fields.get(name), join(parent, name), "must not be negative");
            return null;
        }
        return count;
    }

    /** E-mail addresses: one, or a list. */
    private List<String> addresses(Map<String, Node> fields, String name, String parent, boolean required) {
        Node node = fields.get(name);
        String path = join(parent, name);
        if (node == null) {
            if (required) {
                missing(fields, parent, name);
            }
            return null;
        }
        List<String> values = node instanceof SequenceNode ? strings(node, path, Medium.MAX_TEXT) : new ArrayList<>();
        if (!(node instanceof SequenceNode)) {
            String one = scalar(node, path, Medium.MAX_TEXT);
            if (one != null) {
                values.add(one);
            }
        }
        if (node instanceof SequenceNode seq && seq.getValue().isEmpty()) {
            error(node, path, "names no address");
        } else if (values.size() > Medium.MAX_ADDRESSES) {
            error(node, path, "holds more than " + Medium.MAX_ADDRESSES + " addresses");
        } else if (values.stream().anyMatch(v -> v.indexOf('\n') >= 0)) {
            error(node, path, "each address must be one line");
        }
        return values;
    }

    private Timing timing(Map<String, Node> fields, String path) {
        boolean at = fields.containsKey("at");
        boolean after = fields.containsKey("after");
        boolean when = fields.containsKey("when");
        boolean manual = fields.containsKey("manual");
        int kinds = (at ? 1 : 0) + (after && !when ? 1 : 0) + (when ? 1 : 0) + (manual ? 1 : 0);
        if (kinds != 1 || (at && after)) {
            error(fields.get("id"), path, "needs exactly one timing: 'at', 'after' (with an optional 'delay'), 'when' (optionally with 'after'), or 'manual: true'");
            return null;
        }
        if (fields.containsKey("delay") && (!after || when)) {
            error(fields.get("delay"), join(path, "delay"), "'delay' goes with 'after' (and not with 'when')");
        }
        if (at) {
            return new Timing.At(duration(fields.get("at"), join(path, "at")));
        }
        String afterId = after ? text(fields, "after", path, true, 64) : null;
        if (when) {
            return new Timing.When(condition(fields.get("when"), join(path, "when")), afterId);
        }
        if (after) {
            Duration delay = fields.containsKey("delay") ? duration(fields.get("delay"), join(path, "delay")) : Duration.ZERO;
            return new Timing.After(afterId, delay);
        }
        Node manualNode = fields.get("manual");
        if (!(manualNode instanceof ScalarNode s) || !"true".equals(s.getValue())) {
            error(manualNode, join(path, "manual"), "must be true (or leave it out)");
        }
        return new Timing.Manual();
    }

    private Condition condition(Node node, String path) {
        Map<String, Node> fields = mapping(node, path, Set.of("decision", "titleContains", "roleAssigned", "expectationMet", "expectationMissed"));
        if (fields == null) {
            return null;
        }
        int kinds = (fields.containsKey("decision") ? 1 : 0) + (fields.containsKey("roleAssigned") ? 1 : 0)
                + (fields.containsKey("expectationMet") ? 1 : 0) + (fields.containsKey("expectationMissed") ? 1 : 0);
        if (kinds != 1) {
            error(node, path, "needs exactly one of 'decision', 'roleAssigned', 'expectationMet', 'expectationMissed'");
            return null;
        }
        if (fields.containsKey("titleContains") && !fields.containsKey("decision")) {
            error(fields.get("titleContains"), join(path, "titleContains"), "goes with 'decision'");
        }
        if (fields.containsKey("decision")) {
            String outcome = text(fields, "decision", path, true, 16);
            if (outcome != null && !outcome.equals("accepted") && !outcome.equals("rejected")) {
                error(fields.get("decision"), join(path, "decision"), "must be 'accepted' or 'rejected'");
            }
            return new Condition.Decision("accepted".equals(outcome), text(fields, "titleContains", path, false, 200));
        }
        if (fields.containsKey("roleAssigned")) {
            return new Condition.RoleAssigned(role(fields.get("roleAssigned"), join(path, "roleAssigned")));
        }
        if (fields.containsKey("expectationMet")) {
            return new Condition.ExpectationMet(text(fields, "expectationMet", path, true, 64));
        }
        return new Condition.ExpectationMissed(text(fields, "expectationMissed", path, true, 64));
    }

    private Expectation expectation(Node node, String path) {
        Map<String, Node> fields = mapping(node, path, Set.of("id", "role", "action", "within", "objective", "assigns", "approvers", "audience"));
        if (fields == null) {
            return null;
        }
        String id = localId(fields, path);
        Role role = fields.containsKey("role") ? role(fields.get("role"), join(path, "role")) : missing(fields, path, "role");
        String actionName = text(fields, "action", path, true, 32);
        Action action = null;
        if (actionName != null) {
            action = Action.find(actionName).orElse(null);
            if (action == null) {
                error(fields.get("action"), join(path, "action"), "unknown action '" + actionName
                        + "'; one of assign_role, propose_decision, accept_decision, post_update, approve_statement, publish_statement, acknowledge");
            }
        }
        Duration within = fields.containsKey("within") ? duration(fields.get("within"), join(path, "within")) : missing(fields, path, "within");
        if (within != null && within.isZero()) {
            error(fields.get("within"), join(path, "within"), "must be longer than zero");
        }
        String objective = text(fields, "objective", path, true, 64);
        Role assigns = fields.containsKey("assigns") ? role(fields.get("assigns"), join(path, "assigns")) : null;
        if (action == Action.ASSIGN_ROLE && !fields.containsKey("assigns")) {
            error(node, join(path, "assigns"), "assign_role needs 'assigns': the role to hand out");
        }
        if (action != Action.ASSIGN_ROLE && fields.containsKey("assigns")) {
            error(fields.get("assigns"), join(path, "assigns"), "goes only with assign_role");
        }
        Set<Role> approvers = fields.containsKey("approvers") ? roles(fields.get("approvers"), join(path, "approvers"), false) : Set.of();
        if (fields.containsKey("approvers") && action != Action.PROPOSE_DECISION && action != Action.ACCEPT_DECISION) {
            error(fields.get("approvers"), join(path, "approvers"), "goes only with propose_decision and accept_decision");
        }
        Audience audience = null;
        if (fields.containsKey("audience")) {
            if (action != Action.POST_UPDATE) {
                error(fields.get("audience"), join(path, "audience"), "goes only with post_update");
            }
            String value = text(fields, "audience", path, true, 16);
            try {
                audience = value == null ? null : Audience.of(value);
            } catch (RuntimeException e) {
                error(fields.get("audience"), join(path, "audience"), e.getMessage());
            }
        } else if (action == Action.POST_UPDATE) {
            audience = Audience.EXECUTIVE;
        }
        return new Expectation(id, role, action, within, objective, assigns, approvers, audience);
    }

    // --- the node-level readers; each records an error and returns null when the node does not fit

    private Map<String, Node> mapping(Node node, String path, Set<String> allowed) {
        record(node, path);
        if (!(node instanceof MappingNode map)) {
            error(node, path, "must be a mapping of fields");
            return null;
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                error(tuple.getKeyNode(), path, "field names must be plain text");
                continue;
            }
            String name = key.getValue();
            String fieldPath = join(path, name);
            record(tuple.getValueNode(), fieldPath);
            if (!allowed.contains(name)) {
                error(key, fieldPath, "unknown field '" + name + "'");
            } else if (fields.put(name, tuple.getValueNode()) != null) {
                error(key, fieldPath, "appears twice");
            }
        }
        return fields;
    }

    private <T> List<T> list(Map<String, Node> fields, String name, String parent, boolean required, BiFunction<Node, String, T> item) {
        String path = join(parent, name);
        Node node = fields.get(name);
        if (node == null) {
            if (required) {
                error(null, path, "is required");
                lines.putIfAbsent(path, lineOf(parent));
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            error(node, path, "must be a list");
            return List.of();
        }
        if (required && seq.getValue().isEmpty()) {
            error(node, path, "must not be empty");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node child = seq.getValue().get(i);
            String childPath = path + "[" + i + "]";
            record(child, childPath);
            T value = item.apply(child, childPath);
            if (value != null) {
                items.add(value);
            }
        }
        return items;
    }

    private List<String> strings(Node node, String path, int max) {
        if (!(node instanceof SequenceNode seq)) {
            error(node, path, "must be a list of texts");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node child = seq.getValue().get(i);
            String value = scalar(child, path + "[" + i + "]", max);
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
                missing(fields, parent, name);
            }
            return null;
        }
        return scalar(node, join(parent, name), max);
    }

    private String scalar(Node node, String path, int max) {
        record(node, path);
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

    private String localId(Map<String, Node> fields, String path) {
        String id = text(fields, "id", path, true, 64);
        if (id != null && !LOCAL_ID.matcher(id).matches()) {
            error(fields.get("id"), join(path, "id"), "must be letters, digits, '-', '_' or '.'");
        }
        return id;
    }

    private Set<Role> roles(Node node, String path, boolean required) {
        if (node == null) {
            if (required) {
                error(null, path, "is required");
            }
            return null;
        }
        record(node, path);
        if (!(node instanceof SequenceNode seq)) {
            error(node, path, "must be a list of roles");
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < seq.getValue().size(); i++) {
            Role role = role(seq.getValue().get(i), path + "[" + i + "]");
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    private Role role(Node node, String path) {
        String name = scalar(node, path, 64);
        if (name == null) {
            return null;
        }
        return Role.find(name).orElseGet(() -> {
            error(node, path, "unknown role '" + name + "'");
            return null;
        });
    }

    private Duration duration(Node node, String path) {
        String value = scalar(node, path, 32);
        if (value == null) {
            return null;
        }
        Matcher m = DURATION.matcher(value);
        if (m.matches() && !value.isEmpty()) {
            long seconds = group(m, 1) * 3600 + group(m, 2) * 60 + group(m, 3);
            return Duration.ofSeconds(seconds);
        }
        try {
            Duration parsed = Duration.parse(value);
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(node, path, "'" + value + "' is not a duration such as 90s, 15m, 1h30m or PT15M");
        return null;
    }

    private static long group(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    private <T> T missing(Map<String, Node> fields, String parent, String name) {
        error(null, join(parent, name), "is required");
        lines.putIfAbsent(join(parent, name), lineOf(parent));
        return null;
    }

    private void record(Node node, String path) {
        if (node != null) {
            lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
        }
    }

    private Integer lineOf(String path) {
        return lines.get(path);
    }

    /** Records an error at the node's line, else at its parent's; an error about the whole file is at line 1. */
    private void error(Node node, String path, String message) {
        Integer line = node != null ? Integer.valueOf(node.getStartMark().getLine() + 1) : lineOf(parentOf(path));
        errors.add(new ScenarioError(file, line == null ? 1 : line, path, message));
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
