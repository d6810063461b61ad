package io.sitroom.room;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.sitroom.error.SitroomException;

/**
 * The deployment's severities and phases, in order: names and descriptions per language, colours, each
 * severity's status-update cadence, and the phase from which an incident counts as contained. Read from
 * {@code taxonomy/default.yaml} or the operator's file ({@link TaxonomyFile}); every node reads the same.
 * <p>
 * Rooms keep the values they were given: a severity or phase the list no longer has still decodes and
 * shows (by its id); only new choices must come from the list. Lookups accept an id or one of its aliases
 * (alert labels, the default ids a renamed phase stands for in shipped playbooks), in any case. Pure.
 */
public final class Taxonomy {

    /** A severity as the deployment defines it. {@code name} and {@code description}: by language tag. */
    public record Level(Severity id, Map<String, String> name, Map<String, String> description, String colour,
            Optional<Duration> updateCadence, List<String> aliases) {
    }

    /** A phase as the deployment defines it; {@code contained}: an incident counts as contained from here on. */
    public record Stage(Phase id, Map<String, String> name, Map<String, String> description, String colour, boolean contained,
            List<String> aliases) {
    }

    private static final Taxonomy DEFAULTS = load();

    private final List<Level> severities;
    private final List<Stage> phases;
    private final Severity defaultSeverity;
    private final Map<String, Severity> severityKeys = new HashMap<>();
    private final Map<String, Phase> phaseKeys = new HashMap<>();
    private final Map<Severity, Integer> severityRank = new HashMap<>();
    private final Map<Phase, Integer> phaseRank = new HashMap<>();
    private final int containedFrom;

    Taxonomy(List<Level> severities, Severity defaultSeverity, List<Stage> phases) {
        this.severities = List.copyOf(severities);
        this.phases = List.copyOf(phases);
        this.defaultSeverity = defaultSeverity;
        for (int i = 0; i < severities.size(); i++) {
            Level level = severities.get(i);
            severityRank.put(level.id(), i);
            severityKeys.put(key(level.id().id()), level.id());
            level.aliases().forEach(alias -> severityKeys.putIfAbsent(key(alias), level.id()));
        }
        int contained = -1;
        for (int i = 0; i < phases.size(); i++) {
            Stage stage = phases.get(i);
            phaseRank.put(stage.id(), i);
            phaseKeys.put(key(stage.id().id()), stage.id());
            stage.aliases().forEach(alias -> phaseKeys.putIfAbsent(key(alias), stage.id()));
            if (stage.contained() && contained < 0) {
                contained = i;
            }
        }
        this.containedFrom = contained;
    }

    /** Sitroom's own list: SEV1 to SEV4 and the NIST SP 800-61 phases. */
    public static Taxonomy defaults() {
        return DEFAULTS;
    }

    private static Taxonomy load() {
        try (InputStream in = Taxonomy.class.getResourceAsStream("/taxonomy/default.yaml")) {
            return TaxonomyFile.read("taxonomy/default.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Level> severities() {
        return severities;
    }

    public List<Stage> phases() {
        return phases;
    }

    /** A room's severity when neither its opening nor its incident type says. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The phase a room opens in: the first. */
    public Phase openingPhase() {
        return phases.get(0).id();
    }

    /** The severity an id or alias names, in any case. */
    public Optional<Severity> severity(String idOrAlias) {
        return idOrAlias == null ? Optional.empty() : Optional.ofNullable(severityKeys.get(key(idOrAlias)));
    }

    /** The phase an id or alias names, in any case. */
    public Optional<Phase> phase(String idOrAlias) {
        return idOrAlias == null ? Optional.empty() : Optional.ofNullable(phaseKeys.get(key(idOrAlias)));
    }

    /** A severity to choose now: one of the list (an alias is taken for its severity), else {@code invalid}. */
    public Severity choose(Severity asked) {
        return severity(asked.id()).orElseThrow(() -> SitroomException.invalid("severity must be one of "
                + severities.stream().map(l -> l.id().id()).collect(Collectors.joining(", ")) + ", not '" + asked.id() + "'"));
    }

    /** A phase to move to now: one of the list (an alias is taken for its phase), else {@code invalid}. */
    public Phase choose(Phase asked) {
        return phase(asked.id()).orElseThrow(() -> SitroomException.invalid("phase must be one of "
                + phases.stream().map(s -> s.id().id()).collect(Collectors.joining(", ")) + ", not '" + asked.id() + "'"));
    }

    public Optional<Level> level(Severity severity) {
        Integer rank = severityRank.get(severity);
        return rank == null ? Optional.empty() : Optional.of(severities.get(rank));
    }

    /** How often a status update is owed at a severity (none for one without a cadence or not in the list). */
    public Optional<Duration> updateCadence(Severity severity) {
        return level(severity).flatMap(Level::updateCadence);
    }

    /**
     * Whether an incident in this phase counts as contained: at or after the phase marked {@code contained}.
     * A phase this list does not have (a room from before the list changed) is judged by the default list.
     */
    public boolean contained(Phase phase) {
        Integer rank = phaseRank.get(phase);
        if (rank != null) {
            return containedFrom >= 0 && rank >= containedFrom;
        }
        return this != DEFAULTS && DEFAULTS.phaseRank.containsKey(phase) && DEFAULTS.contained(phase);
    }

    /** The severities in the deployment's order, worst first; those not in the list after, by id. */
    public Comparator<Severity> bySeverity() {
        return Comparator.<Severity>comparingInt(s -> severityRank.getOrDefault(s, Integer.MAX_VALUE)).thenComparing(Severity::id);
    }

    /**
     * The severity at a place on a scale of {@code of} (0 the worst): how a conventional label ("critical",
     * "low"), ranked on a four-step scale, lands on a list of any length.
     */
    public Severity onScale(int place, int of) {
        int n = severities.size();
        int index = of <= 1 || n == 1 ? 0 : Math.round((float) place * (n - 1) / (of - 1));
        return severities.get(Math.max(0, Math.min(n - 1, index))).id();
    }

    static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** What clients are told ({@code GET /api/taxonomy}). */
    public View view() {
        List<View.SeverityView> s = new ArrayList<>();
        for (Level l : severities) {
            s.add(new View.SeverityView(l.id().id(), l.name(), l.description(), l.colour(),
                    l.updateCadence().map(Duration::toMinutes).orElse(null), l.aliases()));
        }
        List<View.PhaseView> p = new ArrayList<>();
        for (Stage st : phases) {
            p.add(new View.PhaseView(st.id().id(), st.name(), st.description(), st.colour(), contained(st.id()), st.aliases()));
        }
        return new View(s, defaultSeverity.id(), p);
    }

    /** The taxonomy as the protocol writes it. */
    public record View(List<SeverityView> severities, String defaultSeverity, List<PhaseView> phases) {

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public record SeverityView(String id, Map<String, String> name, Map<String, String> description, String colour,
                Long updateCadenceMinutes, List<String> aliases) {
        }

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public record PhaseView(String id, Map<String, String> name, Map<String, String> description, String colour,
                boolean contained, List<String> aliases) {
        }
    }
}
