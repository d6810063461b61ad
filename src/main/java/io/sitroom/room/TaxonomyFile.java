package io.sitroom.room;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a deployment's severities and phases from YAML (the format is in docs/operations.md), reporting
 * every problem by its path in the file rather than stopping at the first. Pure.
 */
public final class TaxonomyFile {

    static final int MAX_ENTRIES = 20;
    static final int MAX_TEXT = 500;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?");
    private static final Duration MIN_CADENCE = Duration.ofMinutes(5);

    /** A file that does not describe a taxonomy; the message lists every problem. */
    public static final class Invalid extends IllegalArgumentException {
        private final List<String> problems;

        Invalid(String file, List<String> problems) {
            super(file + ": " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final List<String> errors = new ArrayList<>();
    private final Set<String> severityKeys = new HashSet<>();
    private final Set<String> phaseKeys = new HashSet<>();

    private TaxonomyFile() {
    }

    /** The taxonomy in {@code text}; {@link Invalid} naming every problem if it is not one. */
    public static Taxonomy read(String file, String text) {
        return new TaxonomyFile().run(file, text);
    }

    private Taxonomy run(String file, String text) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new Invalid(file, List.of("not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new Invalid(file, List.of("the file must be a mapping with severities and phases"));
        }
        unknownKeys(top, "", Set.of("severities", "defaultSeverity", "phases"));
        List<Taxonomy.Level> severities = new ArrayList<>();
        List<?> severityList = list(top.get("severities"), "severities");
        for (int i = 0; i < severityList.size(); i++) {
            Taxonomy.Level level = level(severityList.get(i), "severities[" + i + "]");
            if (level != null) {
                severities.add(level);
            }
        }
        Severity defaultSeverity = null;
        Object asked = top.get("defaultSeverity");
        if (asked == null) {
            defaultSeverity = severities.isEmpty() ? null : severities.get(severities.size() - 1).id();
        } else {
            String id = String.valueOf(asked);
            defaultSeverity = severities.stream().map(Taxonomy.Level::id).filter(s -> s.id().equals(id)).findFirst().orElse(null);
            if (defaultSeverity == null) {
                errors.add("defaultSeverity: '" + id + "' is not one of the severities");
            }
        }
        List<Taxonomy.Stage> phases = new ArrayList<>();
        List<?> phaseList = list(top.get("phases"), "phases");
        for (int i = 0; i < phaseList.size(); i++) {
            Taxonomy.Stage stage = stage(phaseList.get(i), "phases[" + i + "]");
            if (stage != null) {
                phases.add(stage);
            }
        }
        int closedAt = -1;
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).id().isClosed()) {
                closedAt = i;
            }
        }
        if (closedAt < 0 && !phases.isEmpty()) {
            phases.add(new Taxonomy.Stage(Phase.CLOSED, Map.of("en", "closed"), Map.of(), null, false, List.of()));
        } else if (closedAt >= 0 && closedAt != phases.size() - 1) {
            errors.add("phases: 'closed' must be the last phase");
        }
        if (!phases.isEmpty() && phases.get(0).id().isClosed()) {
            errors.add("phases: a room cannot open closed; list at least one phase before 'closed'");
        }
        if (phases.stream().filter(Taxonomy.Stage::contained).count() > 1) {
            errors.add("phases: mark one phase 'contained: true' (the first from which an incident counts as contained)");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(file, errors);
        }
        return new Taxonomy(severities, defaultSeverity, phases);
    }

    private Taxonomy.Level level(Object node, String path) {
        Map<?, ?> map = mapping(node, path, Set.of("id", "name", "description", "colour", "updateCadence", "aliases"));
        if (map == null) {
            return null;
        }
        Severity id = id(map, path, Severity.ID, "1 to 32 characters of A-Z, a-z, 0-9, '_' and '-'", Severity::new, severityKeys);
        Map<String, String> name = localized(map.get("name"), path + ".name", id == null ? "" : id.id());
        Map<String, String> description = localized(map.get("description"), path + ".description", null);
        String colour = colour(map.get("colour"), path + ".colour");
        Optional<Duration> cadence = Optional.empty();
        if (map.get("updateCadence") != null) {
            cadence = Optional.ofNullable(duration(map.get("updateCadence"), path + ".updateCadence"));
        }
        List<String> aliases = aliases(map.get("aliases"), path + ".aliases", severityKeys);
        return id == null ? null : new Taxonomy.Level(id, name, description, colour, cadence, aliases);
    }

    private Taxonomy.Stage stage(Object node, String path) {
        Map<?, ?> map = mapping(node, path, Set.of("id", "name", "description", "colour", "contained", "aliases"));
        if (map == null) {
            return null;
        }
        Phase id = id(map, path, Phase.ID, "1 to 32 characters of a-z, 0-9, '_' and '-'", Phase::new, phaseKeys);
        Map<String, String> name = localized(map.get("name"), path + ".name", id == null ? "" : id.id().replace('_', ' '));
        Map<String, String> description = localized(map.get("description"), path + ".description", null);
        String colour = colour(map.get("colour"), path + ".colour");
        Object contained = map.get("contained");
        if (contained != null && !(contained instanceof Boolean)) {
            errors.add(path + ".contained: must be true or false");
        }
        if (Boolean.TRUE.equals(contained) && id != null && id.isClosed()) {
            errors.add(path + ".contained: 'closed' cannot be where containment starts");
        }
        List<String> aliases = aliases(map.get("aliases"), path + ".aliases", phaseKeys);
        return id == null ? null : new Taxonomy.Stage(id, name, description, colour, Boolean.TRUE.equals(contained), aliases);
    }

    private <T> T id(Map<?, ?> map, String path, Pattern pattern, String rule, java.util.function.Function<String, T> make,
            Set<String> taken) {
        Object value = map.get("id");
        if (value == null) {
            errors.add(path + ".id: required");
            return null;
        }
        String id = String.valueOf(value);
        if (!pattern.matcher(id).matches()) {
            errors.add(path + ".id: '" + id + "' must be " + rule);
            return null;
        }
        if (!taken.add(Taxonomy.key(id))) {
            errors.add(path + ".id: '" + id + "' is listed twice (ids and aliases are compared without case)");
        }
        return make.apply(id);
    }

    private List<String> aliases(Object node, String path, Set<String> taken) {
        if (node == null) {
            return List.of();
        }
        List<?> list = node instanceof List<?> l ? l : null;
        if (list == null) {
            errors.add(path + ": must be a list of names");
            return List.of();
        }
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String alias = String.valueOf(list.get(i)).strip();
            if (alias.isEmpty() || alias.length() > 64) {
                errors.add(path + "[" + i + "]: must be 1 to 64 characters");
            } else if (!taken.add(Taxonomy.key(alias))) {
                errors.add(path + "[" + i + "]: '" + alias + "' is listed twice (ids and aliases are compared without case)");
            } else {
                aliases.add(alias);
            }
        }
        return List.copyOf(aliases);
    }

    /** A text, or texts by language tag; {@code fallback} (under "en") when absent, none if null. */
    private Map<String, String> localized(Object node, String path, String fallback) {
        if (node == null) {
            return fallback == null ? Map.of() : Map.of("en", fallback);
        }
        if (node instanceof Map<?, ?> byLanguage) {
            Map<String, String> texts = new LinkedHashMap<>();
            byLanguage.forEach((language, text) -> {
                String tag = String.valueOf(language);
                if (!LANGUAGE.matcher(tag).matches()) {
                    errors.add(path + "." + tag + ": not a language tag such as en, de or pt-BR");
                } else {
                    texts.put(tag, text(text, path + "." + tag));
                }
            });
            if (texts.isEmpty()) {
                errors.add(path + ": give at least one language");
            }
            return texts;
        }
        return Map.of("en", text(node, path));
    }

    private String text(Object node, String path) {
        String text = node instanceof Map || node instanceof List ? null : String.valueOf(node).strip();
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            errors.add(path + ": must be a text of 1 to " + MAX_TEXT + " characters");
            return "";
        }
        return text;
    }

    private String colour(Object node, String path) {
        if (node == null) {
            return null;
        }
        String colour = String.valueOf(node);
        if (!COLOUR.matcher(colour).matches()) {
            errors.add(path + ": '" + colour + "' is not a colour such as \"#b3261e\" (quote it: # starts a YAML comment)");
            return null;
        }
        return colour.toLowerCase(java.util.Locale.ROOT);
    }

    private Duration duration(Object node, String path) {
        String value = String.valueOf(node).strip();
        Matcher m = DURATION.matcher(value);
        if (!value.isEmpty() && m.matches()) {
            Duration d = Duration.ofDays(number(m, 1)).plusHours(number(m, 2)).plusMinutes(number(m, 3));
            if (d.compareTo(MIN_CADENCE) >= 0) {
                return d;
            }
            errors.add(path + ": at least 5m");
            return null;
        }
        errors.add(path + ": '" + value + "' is not a duration such as 30m, 4h or 1h30m");
        return null;
    }

    private static long number(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    private List<?> list(Object node, String path) {
        if (!(node instanceof List<?> list) || list.isEmpty()) {
            errors.add(path + ": required, a list of at least one entry");
            return List.of();
        }
        if (list.size() > MAX_ENTRIES) {
            errors.add(path + ": at most " + MAX_ENTRIES + " entries");
            return list.subList(0, MAX_ENTRIES);
        }
        return list;
    }

    private Map<?, ?> mapping(Object node, String path, Set<String> allowed) {
        if (!(node instanceof Map<?, ?> map)) {
            errors.add(path + ": must be a mapping with an id");
            return null;
        }
        unknownKeys(map, path, allowed);
        return map;
    }

    private void unknownKeys(Map<?, ?> map, String path, Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                errors.add((path.isEmpty() ? "" : path + ".") + key + ": unknown field (known: " + String.join(", ", new java.util.TreeSet<>(allowed))
                        + ")");
            }
        }
    }
}
