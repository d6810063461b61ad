package io.sitroom.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sitroom.chain.ChainEvent;
import io.sitroom.chain.ChainHash;
import io.sitroom.json.CanonicalForm;

/**
 * A small, valid {@code sitroom-export/1} file built in memory, its hashes computed by the shared
 * chain code: five events, seq 3 a redacted link. Tests break a copy and write it out.
 */
final class TestExport {

    static final String ROOM = "6f1c2b1e-3a4d-4e5f-9a0b-1c2d3e4f5a6b";
    static final String INES = "0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9";
    static final int REDACTED_SEQ = 3;

    final Map<String, Object> root = new LinkedHashMap<>();
    final List<Map<String, Object>> events = new ArrayList<>();
    final Map<String, Object> chain = new LinkedHashMap<>();

    private TestExport() {
    }

    static TestExport valid() {
        TestExport export = of(events());
        export.root.put("room", map("id", ROOM, "title", "Ransomware at the plant"));
        return export;
    }

    /** The five events of {@link #valid()}; a test may change one and build a consistent export with {@link #of}. */
    static List<ChainEvent> events() {
        ChainEvent.Actor ines = new ChainEvent.Actor(INES, "Inès \"IC\"", List.of("incident_commander"));
        return List.of(
                new ChainEvent(ROOM, 1, "2026-11-29T15:00:00.000Z", "room.created", ines, "c-1",
                        map("roomKind", "INCIDENT", "title", "Ransomware at the plant", "severity", "SEV2", "phase", "detection",
                                "createdBy", INES), null),
                new ChainEvent(ROOM, 2, "2026-11-29T15:01:00.250Z", "room.severity", ines, "c-2", map("severity", "SEV1"), null),
                new ChainEvent(ROOM, 3, "2026-11-29T15:02:00.000Z", "note.added", ines, "c-3",
                        map("text", "privileged: counsel advises caution"), List.of("legal")),
                new ChainEvent(ROOM, 4, "2026-11-29T15:03:00.000Z", "update.posted", ines, "c-4",
                        map("audience", "all", "summary", "Plant isolated", "impact", "tab\t quote\" é 😀", "share", new java.math.BigDecimal("0.25"),
                                "hosts", List.of(12, 7)), null),
                new ChainEvent(ROOM, 5, "2026-11-29T15:04:00.000Z", "timer.fired", null, null, map("timer", "cadence"), null));
    }

    /** A consistent export of {@code events}, every hash recomputed, seq 3 a redacted link. */
    static TestExport of(List<ChainEvent> events) {
        TestExport export = new TestExport();
        String previous = ChainHash.GENESIS;
        for (ChainEvent e : events) {
            String hash = e.hash(previous);
            export.events.add(e.seq() == REDACTED_SEQ ? redacted(e.seq(), previous, hash) : full(e, previous, hash));
            previous = hash;
        }
        export.root.put("format", "sitroom-export/1");
        export.root.put("exportedAt", "2026-11-29T16:00:00.000Z");
        export.root.put("room", map("id", ROOM));
        export.chain.put("algorithm", "sha256(prevHash + canonicalJson(event)), see docs/protocol.md");
        export.chain.put("genesis", ChainHash.GENESIS);
        export.chain.put("headSeq", events.size());
        export.chain.put("headHash", previous);
        export.chain.put("events", export.events);
        export.root.put("chain", export.chain);
        return export;
    }

    /** An exported event as the exporter writes it: absent rather than null fields. */
    static Map<String, Object> full(ChainEvent e, String prevHash, String hash) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", e.seq());
        out.put("at", e.at());
        out.put("kind", e.kind());
        if (e.actor() != null) {
            out.put("actor", map("userId", e.actor().userId(), "displayName", e.actor().displayName(), "roles", e.actor().roles()));
        }
        if (e.commandId() != null) {
            out.put("commandId", e.commandId());
        }
        out.put("data", e.data());
        if (e.visibleTo() != null) {
            out.put("visibleTo", e.visibleTo());
        }
        out.put("prevHash", prevHash);
        out.put("hash", hash);
        return out;
    }

    static Map<String, Object> redacted(long seq, String prevHash, String hash) {
        return map("seq", seq, "prevHash", prevHash, "hash", hash, "redacted", true);
    }

    /** The event with this seq (events are in seq order until a test reorders them). */
    Map<String, Object> event(long seq) {
        return events.get((int) seq - 1);
    }

    String json() {
        return CanonicalForm.write(root);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
