package io.sitroom.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonValue;

import io.sitroom.error.SitroomException;

/**
 * The scenarios an exercise can play: those shipped in the jar ({@value #BUNDLED}), those in the
 * folders of {@code sitroom.scenarios.dirs} (read and validated once at start; a folder's file with
 * the id of a shipped one replaces it), and those facilitators uploaded (in the database, versioned:
 * the newest version of an id wins over every file). A file with errors is left out, and each of its
 * errors is logged with file, line and field.
 */
@ApplicationScoped
public class ScenarioCatalog {

    private static final Logger LOG = Logger.getLogger(ScenarioCatalog.class);
    /** Where the build puts the shipped scenarios, with {@code index.txt} naming them (a jar has no directory listing). */
    public static final String BUNDLED = "sitroom/scenarios/";

    /** Where a scenario came from. */
    public enum Source {
        BUNDLED, FOLDER, UPLOAD;

        @JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A scenario fit to play, its file text, and its version (0 for files, 1, 2, ... for uploads). */
    public record Entry(Scenario scenario, String text, int version, Source source) {
    }

    /** An upload that was stored. */
    public record Uploaded(String id, int version, String title) {
    }

    private final ScenarioConfig config;
    private final Clock clock;
    private final Map<String, Entry> files = new TreeMap<>();
    /** Parsed uploads by "id@version": a stored version never changes, so it is parsed once. */
    private final Map<String, Entry> parsedUploads = new ConcurrentHashMap<>();

    public ScenarioCatalog(ScenarioConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @PostConstruct
    void load() {
        loadBundled();
        config.dirs().orElse(List.of()).stream().filter(d -> !d.isBlank()).forEach(d -> loadFolder(Path.of(d)));
    }

    private void loadBundled() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String index = resource(loader, BUNDLED + "index.txt");
        if (index == null) {
            LOG.warnf("no scenarios are bundled (no %sindex.txt on the class path)", BUNDLED);
            return;
        }
        int loaded = 0;
        for (String name : index.lines().map(String::strip).filter(n -> !n.isEmpty()).toList()) {
            String text = resource(loader, BUNDLED + name);
            if (text == null) {
                LOG.errorf("bundled scenario %s is listed but missing", name);
            } else if (add(name, text, Source.BUNDLED, false)) {
                loaded++;
            }
        }
        LOG.infof("loaded %d bundled scenario(s)", loaded);
    }

    private void loadFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("no scenario folder at %s (sitroom.scenarios.dirs): its scenarios are not served", dir.toAbsolutePath());
            return;
        }
        int loaded = 0;
        for (Path file : files(dir)) {
            if (add(file.getFileName().toString(), read(file), Source.FOLDER, true)) {
                loaded++;
            }
        }
        LOG.infof("loaded %d scenario(s) from %s", loaded, dir.toAbsolutePath());
    }

    /** Lints one file and adds it; a folder's file may replace a bundled scenario, never another folder's. */
    private boolean add(String name, String text, Source source, boolean mayReplaceBundled) {
        ScenarioParser.Result parsed = ScenarioParser.parse(name, text);
        List<ScenarioError> errors = parsed.scenario() == null ? parsed.errors() : ScenarioLinter.lint(name, parsed);
        if (!errors.isEmpty()) {
            errors.forEach(e -> LOG.errorf("scenario %s", e));
            LOG.errorf("scenario file %s was left out: %d error(s)", name, errors.size());
            return false;
        }
        String id = parsed.scenario().id();
        Entry existing = files.get(id);
        if (existing != null && !(mayReplaceBundled && existing.source() == Source.BUNDLED)) {
            LOG.errorf("scenario file %s was left out: another file has the id '%s'", name, id);
            return false;
        }
        if (existing != null) {
            LOG.infof("scenario file %s replaces the bundled scenario '%s'", name, id);
        }
        files.put(id, new Entry(parsed.scenario(), text, 0, source));
        return true;
    }

    private static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario files of a folder, in name order. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every scenario in its current version, by id. */
    @Transactional
    public Collection<Entry> entries() {
        Map<String, Entry> all = new TreeMap<>(files);
        List<ScenarioVersion> newest = ScenarioVersion.list(
                "from ScenarioVersion s where s.version = (select max(v.version) from ScenarioVersion v where v.scenarioId = s.scenarioId)");
        newest.forEach(v -> all.put(v.scenarioId, parsed(v)));
        return all.values();
    }

    public Collection<Scenario> all() {
        return entries().stream().map(Entry::scenario).toList();
    }

    /** The current version of a scenario: its newest upload, else its file. */
    @Transactional
    public Optional<Entry> current(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<ScenarioVersion> newest = ScenarioVersion.<ScenarioVersion> find("scenarioId = ?1 order by version desc", id).firstResultOptional();
        return newest.map(this::parsed).or(() -> Optional.ofNullable(files.get(id)));
    }

    /** One version of a scenario: 0 for its file, else an upload. */
    @Transactional
    public Optional<Entry> version(String id, int version) {
        if (version == 0) {
            return Optional.ofNullable(files.get(id));
        }
        return ScenarioVersion.<ScenarioVersion> find("scenarioId = ?1 and version = ?2", id, version).firstResultOptional().map(this::parsed);
    }

    /** The uploaded versions of a scenario, oldest first. */
    @Transactional
    public List<ScenarioVersion> uploads(String id) {
        return ScenarioVersion.list("scenarioId = ?1 order by version", id);
    }

    /** The file text of a scenario's current version. */
    public Optional<String> text(String id) {
        return current(id).map(Entry::text);
    }

    public Optional<Scenario> find(String id) {
        return current(id).map(Entry::scenario);
    }

    /**
     * Stores a scenario file as the next version of its id, after the linter passed it; refuses it with
     * every error otherwise. Exercises already created keep the version they copied.
     */
    @Transactional
    public Uploaded upload(UUID by, String text) {
        ScenarioParser.Result parsed = ScenarioParser.parse("upload", text);
        List<ScenarioError> errors = parsed.scenario() == null ? parsed.errors() : ScenarioLinter.lint("upload", parsed);
        if (!errors.isEmpty()) {
            throw new ScenarioRejected(errors.stream().map(e -> new ScenarioError(null, e.line(), e.path(), e.message())).toList());
        }
        Scenario scenario = parsed.scenario();
        Integer newest = ScenarioVersion.getEntityManager()
                .createQuery("select max(v.version) from ScenarioVersion v where v.scenarioId = ?1", Integer.class)
                .setParameter(1, scenario.id()).getSingleResult();
        ScenarioVersion version = new ScenarioVersion();
        version.scenarioId = scenario.id();
        version.version = newest == null ? 1 : newest + 1;
        version.title = scenario.title();
        version.yaml = text;
        version.uploadedBy = by;
        version.uploadedAt = clock.instant();
        try {
            version.persistAndFlush();
        } catch (PersistenceException e) {
            // Two uploads of one id at once: the primary key lets one of them have the number.
            throw SitroomException.conflict("another upload of '" + scenario.id() + "' took version " + version.version + "; upload again");
        }
        LOG.infof("scenario '%s' version %d uploaded", scenario.id(), version.version);
        return new Uploaded(scenario.id(), version.version, scenario.title());
    }

    private Entry parsed(ScenarioVersion v) {
        return parsedUploads.computeIfAbsent(v.scenarioId + "@" + v.version, key -> {
            ScenarioParser.Result parsed = ScenarioParser.parse(v.scenarioId + ".yaml", v.yaml);
            if (parsed.scenario() == null) {
                throw new IllegalStateException("stored scenario " + key + " no longer parses: " + parsed.errors());
            }
            return new Entry(parsed.scenario(), v.yaml, v.version, Source.UPLOAD);
        });
    }

    /** The ids of every scenario, for logs and tests. */
    public List<String> ids() {
        return new ArrayList<>(entries().stream().map(e -> e.scenario().id()).toList());
    }
}
