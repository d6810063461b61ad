package io.sitroom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.json.CanonicalForm;
import io.sitroom.json.CanonicalJson;

/** What the verifier refuses to read (exit 2) rather than guess about, each with a one-line reason. */
class ExportVerifierStrictnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String refused(String json) {
        String reason = assertThrows(IllegalArgumentException.class, () -> ExportVerifier.verify(json)).getMessage();
        assertTrue(!reason.contains("\n"), reason);
        return reason;
    }

    private static void assertRefused(String json, String expected) {
        String reason = refused(json);
        assertTrue(reason.contains(expected), "expected '" + expected + "' in: " + reason);
    }

    @Test
    void verify_refusesADuplicateKey_atTheTopLevel() {
        String json = TestExport.valid().json();
        assertRefused("{\"format\":\"sitroom-export/0\"," + json.substring(1), "duplicate key \"format\" at line 1, column");
    }

    @Test
    void verify_refusesADuplicateKey_insideAnEvent() {
        String json = TestExport.valid().json();
        String kind = "\"kind\":\"room.severity\"";
        assertTrue(json.contains(kind));
        assertRefused(json.replace(kind, kind + ",\"kind\":\"room.opened\""), "duplicate key \"kind\" in chain.events[1] at line 1");
    }

    @Test
    void verify_refusesASeq_thatIsNotAnIntegerThatFitsALong() {
        TestExport string = TestExport.valid();
        string.event(2).put("seq", "2");
        assertEquals("chain.events[1].seq must be an integer, not a string", refused(string.json()));

        String decimal = TestExport.valid().json();
        assertTrue(decimal.contains("\"seq\":2}"));
        assertEquals("chain.events[1].seq must be an integer, not a decimal number", refused(decimal.replace("\"seq\":2}", "\"seq\":2.0}")));

        TestExport huge = TestExport.valid();
        huge.event(2).put("seq", BigInteger.TWO.pow(63));
        assertEquals("chain.events[1].seq is out of range", refused(huge.json()));

        TestExport head = TestExport.valid();
        head.chain.put("headSeq", null);
        assertEquals("chain.headSeq must be an integer, not null", refused(head.json()));
    }

    @Test
    void verify_refusesEventFieldsOfTheWrongType_namingTheFieldAndSeq() {
        TestExport actor = TestExport.valid();
        actor.event(2).put("actor", "Ines");
        assertEquals("chain.events[1].actor (seq 2) must be an object, not a string", refused(actor.json()));

        TestExport roles = TestExport.valid();
        roles.event(2).put("actor", TestExport.map("userId", TestExport.INES, "displayName", "Ines", "roles", List.of("ic", 7)));
        assertEquals("chain.events[1].actor.roles[1] (seq 2) must be a string, not an integer", refused(roles.json()));

        TestExport visibleTo = TestExport.valid();
        visibleTo.event(4).put("visibleTo", "legal");
        assertEquals("chain.events[3].visibleTo (seq 4) must be an array, not a string", refused(visibleTo.json()));

        TestExport kind = TestExport.valid();
        kind.event(4).put("kind", TestExport.map());
        assertEquals("chain.events[3].kind (seq 4) must be a string, not an object", refused(kind.json()));

        TestExport data = TestExport.valid();
        data.event(4).remove("data");
        assertEquals("chain.events[3].data (seq 4) is missing", refused(data.json()));

        TestExport hash = TestExport.valid();
        hash.event(4).put("hash", "ABC");
        assertEquals("chain.events[3].hash (seq 4) must be 64 lower-case hex digits", refused(hash.json()));

        TestExport redacted = TestExport.valid();
        redacted.event(4).put("redacted", "no");
        assertEquals("chain.events[3].redacted (seq 4) must be true or false, not a string", refused(redacted.json()));
    }

    @Test
    void verify_refusesTheChain_whenItsPartsHaveTheWrongType() {
        TestExport events = TestExport.valid();
        events.chain.put("events", TestExport.map("1", events.event(1)));
        assertEquals("chain.events must be an array, not an object", refused(events.json()));

        TestExport item = TestExport.valid();
        item.events.add(null);
        assertEquals("chain.events[5] must be an object, not null", refused(item.json()));

        TestExport chain = TestExport.valid();
        chain.root.put("chain", List.of());
        assertEquals("chain must be an object, not an array", refused(chain.json()));

        TestExport room = TestExport.valid();
        room.root.remove("room");
        assertEquals("room is missing", refused(room.json()));

        assertEquals("the file must be an object, not an array", refused("[]"));
    }

    @Test
    void verify_refusesAnotherFormatOrGenesis() {
        TestExport format = TestExport.valid();
        format.root.put("format", "sitroom-export/2");
        assertEquals("format is \"sitroom-export/2\", not sitroom-export/1", refused(format.json()));

        TestExport genesis = TestExport.valid();
        genesis.chain.put("genesis", "1".repeat(64));
        assertEquals("chain.genesis is not the protocol's genesis hash (64 zeros)", refused(genesis.json()));
    }

    @Test
    void verify_refusesFieldsNoHashCovers() {
        TestExport redacted = TestExport.valid();
        redacted.event(3).put("data", TestExport.map("text", "not what was said"));
        assertEquals("chain.events[2] (seq 3) is a redacted link but has \"data\" (a redacted link holds only seq, prevHash, hash and redacted)",
                refused(redacted.json()));

        TestExport extra = TestExport.valid();
        extra.event(2).put("note", "approved by legal");
        assertEquals("chain.events[1] (seq 2) has a field the hash does not cover: \"note\"", refused(extra.json()));

        TestExport actor = TestExport.valid();
        actor.event(2).put("actor", TestExport.map("userId", TestExport.INES, "displayName", "Ines", "roles", List.of(), "admin", true));
        assertEquals("chain.events[1].actor (seq 2) has a field the hash does not cover: \"admin\"", refused(actor.json()));
    }

    @Test
    void verify_refusesWhatIsNotJson() {
        String valid = TestExport.valid().json();
        for (String json : List.of("", " ", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{'a':1}", "{\"a\":01}", "{\"a\":-01}", "{\"a\":+1}",
                "{\"a\":.5}", "{\"a\":1.}", "{\"a\":1e}", "{\"a\":1e+}", "{\"a\":-}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}",
                "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u+123\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"tab\there\"}",
                "{\"a\":\"open}", "\u00a0{}", "\ufeff{}", valid.substring(0, valid.length() - 1))) {
            String reason = refused(json);
            assertTrue(reason.startsWith("invalid JSON: "), json + " -> " + reason);
        }
        assertRefused(valid + " {}", "invalid JSON: trailing data after the document at line 1");
        assertRefused(valid + "\nx", "at line 2, column 1");
    }

    @Test
    void verify_refusesNestingDeeperThan512Levels_withoutOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertRefused(deep, "nesting deeper than 512 levels");
        TestExport export = TestExport.valid();
        export.event(4).put("data", "DATA");
        assertRefused(export.json().replace("\"DATA\"", "[".repeat(600) + "]".repeat(600)), "nesting deeper than 512 levels in chain.events[3].data[0]");

        assertEquals(CanonicalForm.write(StrictJson.read("[".repeat(512) + "]".repeat(512))), "[".repeat(512) + "]".repeat(512));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.read("[".repeat(513) + "]".repeat(513)));
    }

    @Test
    void read_refusesNumbersTooLongToWriteOut_butKeepsOthersExact() {
        assertThrows(IllegalArgumentException.class, () -> StrictJson.read("1e999999999"));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.read("1e99999999999"));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.read("1" + "0".repeat(10_001)));
        assertEquals("[12345678901234567890123,0.1000000000000000000001,100000000000000000000,0.000001,0]",
                CanonicalForm.write(StrictJson.read("[12345678901234567890123, 0.10000000000000000000010, 1e20, 1.0E-6, -0.0e5]")));
    }

    @Test
    void read_writesLoneSurrogatesAndEscapes_asTheServerDoes() throws Exception {
        for (String json : List.of("[\"\\ud800 x \\udfff\"]", "\"\\u00e9\\u0001\\u001F\\/\\\"\"", "{\"b\":1,\"a\":{\"\\u0000\":[]}}")) {
            assertEquals(CanonicalJson.write(JSON.readTree(json)), CanonicalForm.write(StrictJson.read(json)), json);
        }
    }
}
