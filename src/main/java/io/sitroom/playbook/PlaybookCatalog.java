package io.sitroom.playbook;

import java.io.IOException;
import java.io.InputStream;
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

import io.sitroom.room.Taxonomy;
import io.sitroom.room.RoomTypes;
import io.sitroom.room.Severity;

/**
 * The incident types: the playbooks bundled in the app (the repository's playbooks/ folder, copied onto
 * the class path at build time with its index), then those of the configured folders. Read and linted
 * once at start; a file with errors is left out and each error logged with file and line.
 */
@ApplicationScoped
public class PlaybookCatalog implements RoomTypes {

    private static final Logger LOG = Logger.getLogger(PlaybookCatalog.class);
    /** The bundled files, one name a line: a jar's folder cannot be listed portably, so the build copies this list too. */
    static final String BUNDLED_INDEX = "playbooks/index.txt";

    /** A loaded playbook with its file's text and the SHA-256 of its canonical form. */
    public record Entry(Playbook playbook, String sha256, String text) {
    }

    private final PlaybookConfig config;
    private final Taxonomy taxonomy;
    private final Map<String, Entry> entries = new TreeMap<>();

    public PlaybookCatalog(PlaybookConfig config, Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.config = config;
    }

    @PostConstruct
    void load() {
        for (String name : bundledNames()) {
            add("bundled " + name, resource("playbooks/" + name));
        }
        config.dirs().orElse(List.of()).forEach(d -> loadFolder(Path.of(d)));
        LOG.infof("loaded %d incident type(s): %s", entries.size(), String.join(", ", entries.keySet()));
    }

    /** The names of the bundled playbook files, from the index the build puts beside them. */
    static List<String> bundledNames() {
        String index = resource(BUNDLED_INDEX);
        if (index == null) {
            LOG.warnf("no %s on the class path: no bundled incident types", BUNDLED_INDEX);
            return List.of();
        }
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private void loadFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("no playbook folder at %s", dir.toAbsolutePath());
            return;
        }
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                add(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String name, String text) {
        if (text == null) {
            LOG.errorf("playbook %s is listed in %s but missing", name, BUNDLED_INDEX);
            return;
        }
        PlaybookParser.Result parsed = PlaybookParser.parse(name, text, taxonomy);
        if (!parsed.valid()) {
            parsed.errors().forEach(e -> LOG.errorf("playbook %s", e));
            LOG.errorf("playbook file %s was left out: %d error(s)", name, parsed.errors().size());
        } else if (entries.putIfAbsent(parsed.playbook().id(), new Entry(parsed.playbook(), parsed.sha256(), text)) != null) {
            LOG.errorf("playbook file %s was left out: another file has the id '%s'", name, parsed.playbook().id());
        }
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Collection<Entry> all() {
        return entries.values();
    }

    @Override
    public Optional<Severity> defaultSeverity(String type) {
        return find(type).map(e -> e.playbook().defaultSeverity());
    }

    public Optional<Entry> find(String id) {
        return Optional.ofNullable(id == null ? null : entries.get(id));
    }
}
