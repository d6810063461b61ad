package io.sitroom.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The scenarios in the scenario folder, read and validated once at start. A file with errors is
 * left out, and each of its errors is logged with file, line and field.
 */
@ApplicationScoped
public class ScenarioCatalog {

    private static final Logger LOG = Logger.getLogger(ScenarioCatalog.class);

    private final ScenarioConfig config;
    private final Map<String, Scenario> scenarios = new TreeMap<>();
    private final Map<String, String> texts = new TreeMap<>();

    public ScenarioCatalog(ScenarioConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        config.dirs().forEach(d -> load(Path.of(d)));
    }

    private void load(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("no scenario folder at %s: no exercise can be started from a scenario", dir.toAbsolutePath());
            return;
        }
        int before = scenarios.size();
        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            String text = read(file);
            ScenarioParser.Result parsed = ScenarioParser.parse(name, text);
            List<ScenarioError> errors = parsed.scenario() == null ? parsed.errors() : ScenarioLinter.lint(name, parsed);
            if (!errors.isEmpty()) {
                errors.forEach(e -> LOG.errorf("scenario %s", e));
                LOG.errorf("scenario file %s was left out: %d error(s)", name, errors.size());
            } else if (scenarios.putIfAbsent(parsed.scenario().id(), parsed.scenario()) != null) {
                LOG.errorf("scenario file %s was left out: another file has the id '%s'", name, parsed.scenario().id());
            } else {
                texts.put(parsed.scenario().id(), text);
            }
        }
        LOG.infof("loaded %d scenario(s) from %s", scenarios.size() - before, dir.toAbsolutePath());
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

    public Collection<Scenario> all() {
        return scenarios.values();
    }

    /** The file text of a loaded scenario. */
    public Optional<String> text(String id) {
        return Optional.ofNullable(id == null ? null : texts.get(id));
    }

    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(id == null ? null : scenarios.get(id));
    }
}
