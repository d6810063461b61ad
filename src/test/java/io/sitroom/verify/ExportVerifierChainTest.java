package io.sitroom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.chain.ChainHash;
import io.sitroom.json.CanonicalForm;
import io.sitroom.room.HashChain;
import io.sitroom.room.LoggedEvent;

/** The offline verifier finds a broken chain and names the first seq that does not check out. */
class ExportVerifierChainTest {

    private static ExportVerifier.Result broken(String json, long seq, String reason) {
        ExportVerifier.Result result = ExportVerifier.verify(json);
        assertFalse(result.ok(), result.toString());
        assertEquals(seq, result.firstBadSeq(), result.toString());
        assertTrue(result.reason().contains(reason), result.toString());
        return result;
    }

    /** The same hash with its first hex digit changed: still well formed. */
    private static String forged(Object hash) {
        String h = (String) hash;
        return (h.charAt(0) == '0' ? "1" : "0") + h.substring(1);
    }

    @Test
    void verify_acceptsTheWholeChain_withARedactedLink() {
        TestExport export = TestExport.valid();
        ExportVerifier.Result result = ExportVerifier.verify(export.json());
        assertTrue(result.ok(), result.toString());
        assertEquals(5, result.events());
        assertEquals(1, result.redacted());
        assertEquals(export.chain.get("headHash"), result.headHash());
    }

    @Test
    void verify_namesTheEvent_whenOneByteOfItsDataChanged() {
        String json = TestExport.valid().json();
        assertTrue(json.contains("Plant isolated"));
        broken(json.replace("Plant isolated", "Plant isolatex"), 4, "content does not match its hash");
    }

    @Test
    void verify_namesTheMissingSeq_whenAnEventWasRemoved() {
        TestExport middle = TestExport.valid();
        middle.events.remove(1);
        broken(middle.json(), 2, "expected seq 2 here, found seq 3");

        TestExport last = TestExport.valid();
        last.events.remove(4);
        broken(last.json(), 5, "the head is seq 5 but the last event is seq 4");
    }

    @Test
    void verify_namesTheFirstSeqOutOfPlace_whenTwoEventsWereSwapped() {
        TestExport export = TestExport.valid();
        Collections.swap(export.events, 3, 4);
        broken(export.json(), 4, "expected seq 4 here, found seq 5");
    }

    @Test
    void verify_namesTheFirstSeq_whenTwoEventsWereSwappedAndRenumbered() {
        TestExport export = TestExport.valid();
        Collections.swap(export.events, 3, 4);
        export.events.get(3).put("seq", 4);
        export.events.get(4).put("seq", 5);
        broken(export.json(), 4, "prevHash is not the hash of the event before it");
    }

    @Test
    void verify_namesTheEvent_whenItsPrevHashChanged() {
        TestExport afterFull = TestExport.valid();
        afterFull.event(2).put("prevHash", forged(afterFull.event(2).get("prevHash")));
        broken(afterFull.json(), 2, "prevHash is not the hash of the event before it");

        TestExport afterRedacted = TestExport.valid();
        afterRedacted.event(4).put("prevHash", forged(afterRedacted.event(4).get("prevHash")));
        broken(afterRedacted.json(), 4, "prevHash is not the hash of the event before it");

        TestExport first = TestExport.valid();
        first.event(1).put("prevHash", forged(ChainHash.GENESIS));
        broken(first.json(), 1, "prevHash is not the hash of the event before it");
    }

    @Test
    void verify_namesTheRedactedLink_whenItsHashWasForged() {
        TestExport export = TestExport.valid();
        export.event(3).put("hash", forged(export.event(3).get("hash")));
        broken(export.json(), 3, "the redacted link's hash is not the prevHash of seq 4");
    }

    @Test
    void verify_namesTheLastRedactedLink_whenItsHashWasForged() {
        TestExport export = TestExport.valid();
        Map<String, Object> last = export.event(5);
        export.events.set(4, TestExport.redacted(5, (String) last.get("prevHash"), (String) last.get("hash")));
        assertTrue(ExportVerifier.verify(export.json()).ok(), "redacting an event keeps the chain whole");

        export.event(5).put("hash", forged(export.event(5).get("hash")));
        broken(export.json(), 5, "the redacted link's hash is not the head hash");
    }

    @Test
    void verify_namesTheSeqAfterTheLast_whenTheHeadHashChanged() {
        TestExport export = TestExport.valid();
        export.chain.put("headHash", forged(export.chain.get("headHash")));
        broken(export.json(), 6, "the head hash is not the last event's hash");
    }

    @Test
    void verify_namesTheEvent_whenItsDataIsTheSameJsonAsAString() {
        // The type of data matters to the hash: {"severity":"SEV1"} and "{\"severity\":\"SEV1\"}" are different events.
        TestExport export = TestExport.valid();
        export.event(2).put("data", CanonicalForm.write(export.event(2).get("data")));
        broken(export.json(), 2, "content does not match its hash");
    }

    @Test
    void verify_acceptsAnEventTheServerHashed_whenItsDataHasExponentsAndTrailingZeros() {
        LoggedEvent e = new LoggedEvent();
        e.roomId = UUID.fromString(TestExport.ROOM);
        e.seq = 1;
        e.at = Instant.parse("2026-11-29T15:00:00.120Z");
        e.kind = "metrics.sampled";
        e.data = "{\"big\":1.5E7,\"small\":2.5e-3,\"hundred\":1E2,\"half\":0.50,\"zero\":-0.0,\"huge\":12345678901234567890}";
        e.prevHash = ChainHash.GENESIS;
        e.hash = HashChain.hash(e);

        TestExport export = TestExport.of(TestExport.events());
        Map<String, Object> event = TestExport.map("seq", 1, "at", "2026-11-29T15:00:00.120Z", "kind", e.kind, "data", "DATA",
                "prevHash", e.prevHash, "hash", e.hash);
        export.events.clear();
        export.events.add(event);
        export.chain.put("headSeq", 1);
        export.chain.put("headHash", e.hash);
        String json = export.json().replace("\"DATA\"", e.data);
        assertTrue(json.contains("1.5E7"), json);

        ExportVerifier.Result result = ExportVerifier.verify(json);
        assertTrue(result.ok(), result.toString());
    }
}
