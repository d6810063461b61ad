package io.sitroom.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.room.HashChain;
import io.sitroom.room.LoggedEvent;

/** The shared chain definition hashes exactly what the server hashed before it was shared: logs already written still verify. */
class ChainEventTest {

    private static final UUID ROOM = UUID.fromString("6f1c2b1e-3a4d-4e5f-9a0b-1c2d3e4f5a6b");
    private static final UUID LEA = UUID.fromString("0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9");

    private static LoggedEvent row(long seq, String kind, UUID actor, String actorName, String actorRoles, String commandId, String data,
            String visibleTo, String prevHash) {
        LoggedEvent e = new LoggedEvent();
        e.roomId = ROOM;
        e.seq = seq;
        e.at = Instant.parse("2026-11-29T15:04:05.120Z");
        e.kind = kind;
        e.actorId = actor;
        e.actorName = actorName;
        e.actorRoles = actorRoles;
        e.commandId = commandId;
        e.data = data;
        e.visibleTo = visibleTo;
        e.prevHash = prevHash;
        return e;
    }

    // The expected texts and hashes were computed by HashChain before the chain's rules moved to this package.
    @Test
    void hash_isUnchanged_forEventsTheServerAlreadyLogged() {
        LoggedEvent full = row(7, "note.added", LEA, "Léa \"L\"", "legal,scribe", "c-17",
                "{\"text\":\"tab\\t nl\\n bell\\u0007 ✓ \\ud83d\\ude00\",\"n\":[0,-7,12345678901234567890,0.1,1.5,100,1.23456785E7,-0.0],"
                        + "\"z\":null,\"b\":true}",
                "legal", "ab".repeat(32));
        assertEquals("{\"actor\":{\"displayName\":\"Léa \\\"L\\\"\",\"roles\":[\"legal\",\"scribe\"],"
                + "\"userId\":\"0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9\"},\"at\":\"2026-11-29T15:04:05.120Z\",\"commandId\":\"c-17\","
                + "\"data\":{\"b\":true,\"n\":[0,-7,12345678901234567890,0.1,1.5,100,12345678.5,0],\"text\":\"tab\\t nl\\n bell\\u0007 ✓ 😀\","
                + "\"z\":null},\"kind\":\"note.added\",\"roomId\":\"6f1c2b1e-3a4d-4e5f-9a0b-1c2d3e4f5a6b\",\"seq\":7,\"visibleTo\":[\"legal\"]}",
                HashChain.canonical(full));
        assertEquals("4f4dd3c60381ddbca9e16e6153eddb48b2b7881b0795e80e51a5cb6eff23cffe", HashChain.hash(full));

        LoggedEvent system = row(1, "room.opened", null, null, null, null, "{}", null, ChainHash.GENESIS);
        system.at = Instant.parse("2026-11-29T15:04:05Z");
        assertEquals("31a517a6ef393d2fe1204d163a68e5138dfd6860925402e3f8aea70e91b4105f", HashChain.hash(system));

        LoggedEvent edited = row(2, "x", LEA, "N", "", null, "not json {", null, ChainHash.GENESIS);
        edited.at = system.at;
        assertEquals("55c6cb675b8fda40a3e1029f940cf44467e218b4b3a06d593695fe558e6d1154", HashChain.hash(edited));
    }

    @Test
    void hash_isTheServersHash_whenBuiltFromPlainValues() {
        LoggedEvent row = row(3, "role.assigned", LEA, "Lea", "legal", "c-3", "{\"role\":\"scribe\",\"n\":2.50}", "legal,scribe",
                ChainHash.GENESIS);
        ChainEvent event = new ChainEvent(ROOM.toString(), 3, "2026-11-29T15:04:05.120Z", "role.assigned",
                new ChainEvent.Actor(LEA.toString(), "Lea", List.of("legal")), "c-3",
                java.util.Map.of("role", "scribe", "n", new java.math.BigDecimal("2.50")), List.of("legal", "scribe"));
        assertEquals(HashChain.hash(row), event.hash(ChainHash.GENESIS));
        assertEquals(ChainHash.of(ChainHash.GENESIS, event.canonical()), event.hash(ChainHash.GENESIS));
    }

    @Test
    void isWellFormed_acceptsOnlySixtyFourLowerCaseHexDigits() {
        assertTrue(ChainHash.isWellFormed(ChainHash.GENESIS));
        assertTrue(ChainHash.isWellFormed("0123456789abcdef".repeat(4)));
        assertFalse(ChainHash.isWellFormed("0123456789ABCDEF".repeat(4)));
        assertFalse(ChainHash.isWellFormed("0".repeat(63)));
        assertFalse(ChainHash.isWellFormed("g".repeat(64)));
    }
}
