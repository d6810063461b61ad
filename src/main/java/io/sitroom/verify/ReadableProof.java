package io.sitroom.verify;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;

import io.sitroom.chain.ChainEvent;
import io.sitroom.chain.ChainHash;
import io.sitroom.proof.Fact;
import io.sitroom.proof.PayloadReader;
import io.sitroom.proof.ReadableSections;
import io.sitroom.proof.SectionCheck;
import io.sitroom.room.ErasesContent;
import io.sitroom.room.EventPayload;
import io.sitroom.verify.ExportReader.Export;
import io.sitroom.verify.ExportReader.Link;
import io.sitroom.verify.ExportVerifier.Proven;

/**
 * The readable sections of a verified export, derived again from its events with the server's own
 * projections ({@link ReadableSections}) and compared with what the file says. The snapshot ({@code room})
 * is of the head it names ({@code room.seq}, {@code room.headHash}), which must be on the chain; its sections
 * are derived from the events up to it, the role history from all of them. A section the file does not
 * have is not checked (nobody can read it wrongly); one it has that is not derived here is listed as such.
 */
final class ReadableProof {

    private static final PayloadReader PAYLOADS = new PayloadReader(ReadableSections.PAYLOADS);

    /** The room's own fields that the chain itself proves ({@code id}) or that are checked against it ({@code seq}, {@code headHash}). */
    private static final Set<String> CHAIN_FIELDS = Set.of("id", "seq", "headHash");

    private ReadableProof() {
    }

    static Proven check(Export export) {
        Map<String, Object> room = export.readable().room();
        List<String> proven = new ArrayList<>();
        proven.add("room.id");
        long snapshotSeq = export.headSeq();
        if (room.get("seq") != null) {
            if (!(room.get("seq") instanceof BigInteger seq) || seq.signum() < 0 || seq.compareTo(BigInteger.valueOf(export.headSeq())) > 0) {
                return disagrees(proven, "room.seq: the file says " + room.get("seq") + ", which is no seq of the chain (its head is seq "
                        + export.headSeq() + ")");
            }
            snapshotSeq = seq.longValueExact();
            proven.add("room.seq");
            String onChain = snapshotSeq == 0 ? ChainHash.GENESIS : export.links().get((int) snapshotSeq - 1).hash();
            if (room.containsKey("headHash")) {
                Optional<String> difference = SectionCheck.firstDifference("room.headHash", room.get("headHash"), onChain);
                if (difference.isPresent()) {
                    return disagrees(proven, difference.get());
                }
                proven.add("room.headHash");
            }
        }
        List<Fact> facts = new ArrayList<>();
        for (Link link : export.links()) {
            if (!link.redacted()) {
                fact(link.event()).ifPresent(facts::add);
            }
        }
        long head = snapshotSeq;
        Map<String, Object> derivedRoom;
        Map<String, Object> derivedAll;
        try {
            boolean everyEventSeen = export.links().stream().noneMatch(Link::redacted);
            Instant exportedAt = export.readable().exportedAt();
            derivedRoom = ReadableSections.of(export.roomId(), facts.stream().filter(f -> f.seq() <= head).toList(), everyEventSeen, exportedAt);
            derivedAll = ReadableSections.of(export.roomId(), facts, everyEventSeen, exportedAt);
        } catch (RuntimeException e) {
            // Data that fits its records but not the log's rules (a required field left out): no server writes it.
            return disagrees(proven, "the events cannot be projected as the server projects them (" + e + ")");
        }
        for (String path : ReadableSections.PATHS) {
            boolean inRoom = path.startsWith("room.");
            Map<String, Object> derived = inRoom ? derivedRoom : derivedAll;
            Map<String, Object> file = inRoom ? room : export.readable().others();
            String name = inRoom ? path.substring("room.".length()) : path;
            int dot = name.indexOf('.');
            if (dot > 0) {
                // A field of a section (metrics.closedAt): the section's other fields are not proven by the events.
                file = file.get(name.substring(0, dot)) instanceof Map<?, ?> section ? fields(section) : Map.of();
                name = name.substring(dot + 1);
            }
            if (!file.containsKey(name) || !derived.containsKey(path)) {
                continue;
            }
            Optional<String> difference = SectionCheck.firstDifference(path, file.get(name), derived.get(path));
            if (difference.isPresent()) {
                return disagrees(proven, difference.get());
            }
            proven.add(path);
        }
        List<String> unproven = new ArrayList<>();
        if (room.get("exercise") != null) {
            Optional<String> difference = exercise(export, head, proven, unproven);
            if (difference.isPresent()) {
                return disagrees(proven, difference.get());
            }
        }
        room.keySet().stream().filter(name -> !CHAIN_FIELDS.contains(name) && !proven.contains("room." + name)).map(name -> "room." + name)
                .forEach(unproven::add);
        export.readable().others().forEach((name, value) -> {
            if (value instanceof Map<?, ?> section && proven.stream().anyMatch(p -> p.startsWith(name + "."))) {
                section.keySet().stream().map(field -> name + "." + field).filter(field -> !proven.contains(field)).forEach(unproven::add);
            } else if (!proven.contains(name)) {
                unproven.add(name);
            }
        });
        return new Proven(List.copyOf(proven), List.copyOf(unproven), null);
    }

    /**
     * An exercise's state and score, played again on the scenario the export carries, or as far as a player's events
     * show it ({@link ExerciseDerivation}); the first disagreement, if any. While the exercise runs, its {@code elapsedMs} is the clock's reading when the snapshot
     * was made, which the file does not say: it is left unproven (the clock's anchor, from which it is read, is proven).
     */
    private static Optional<String> exercise(Export export, long head, List<String> proven, List<String> unproven) {
        ExerciseDerivation derivation = derivation();
        Optional<ExerciseDerivation.Derived> derived;
        try {
            derived = derivation == null ? Optional.empty() : derivation.derive(export.json(), head, export.readable().exportedAt());
        } catch (IllegalArgumentException e) {
            return Optional.of("room.exercise: " + e.getMessage());
        }
        if (derived.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> file = fields((Map<?, ?>) export.readable().room().get("exercise"));
        Map<String, Object> exercise = fields((Map<?, ?>) derived.get().exercise());
        if ("running".equals(exercise.get("status"))) {
            file = without(file, "elapsedMs");
            exercise = without(exercise, "elapsedMs");
            unproven.add("room.exercise.elapsedMs");
        }
        Optional<String> difference = SectionCheck.firstDifference("room.exercise", file, exercise);
        if (difference.isPresent()) {
            return difference;
        }
        proven.add("room.exercise");
        if (derived.get().exerciseScore() != null && export.readable().others().get("metrics") instanceof Map<?, ?> metrics
                && metrics.containsKey("exerciseScore")) {
            difference = SectionCheck.firstDifference("metrics.exerciseScore", metrics.get("exerciseScore"), derived.get().exerciseScore());
            if (difference.isPresent()) {
                return difference;
            }
            proven.add("metrics.exerciseScore");
        }
        return Optional.empty();
    }

    private static Map<String, Object> without(Map<String, Object> section, String field) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(section);
        copy.remove(field);
        return copy;
    }

    private static ExerciseDerivation derivation() {
        try {
            return ServiceLoader.load(ExerciseDerivation.class, ExerciseDerivation.class.getClassLoader()).findFirst().orElse(null);
        } catch (ServiceConfigurationError | LinkageError e) {
            return null;
        }
    }

    /** Safe: {@link StrictJson} only makes maps with string keys. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Map<?, ?> section) {
        return (Map<String, Object>) section;
    }

    private static Proven disagrees(List<String> proven, String difference) {
        return new Proven(List.copyOf(proven), List.of(), difference);
    }

    /**
     * The seqs whose erasure the chain records: named by an intact event that erases content ({@code event.erased}),
     * later in the chain than the event it names.
     */
    static Set<Long> erasuresRecorded(List<Link> links) {
        Set<Long> recorded = new HashSet<>();
        for (Link link : links) {
            if (!link.redacted() && !link.erased()) {
                fact(link.event()).map(Fact::payload).filter(ErasesContent.class::isInstance).map(ErasesContent.class::cast)
                        .filter(erasure -> erasure.seq() < link.seq()).ifPresent(erasure -> recorded.add(erasure.seq()));
            }
        }
        return recorded;
    }

    /**
     * The event as the projections read it; empty for a kind they do not read, or data that does not fit its
     * kind (the server reads such an event as unknown, and its projections pass it over too).
     */
    private static Optional<Fact> fact(ChainEvent e) {
        try {
            Optional<EventPayload> payload = e.erased() ? PAYLOADS.erased(e.kind()) : PAYLOADS.read(e.kind(), e.data());
            if (payload.isEmpty()) {
                return Optional.empty();
            }
            Fact.Actor actor = e.actor() == null ? null
                    : new Fact.Actor(UUID.fromString(e.actor().userId()), e.actor().displayName(), e.actor().roles());
            return Optional.of(new Fact(e.seq(), Instant.parse(e.at()), actor, payload.get(), e.visibleTo(), e.data()));
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
