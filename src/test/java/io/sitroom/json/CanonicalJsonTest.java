package io.sitroom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return CanonicalJson.write(JSON.readTree(json));
    }

    @Test
    void write_sortsKeysAtEveryDepth_andDropsWhitespace() throws Exception {
        assertEquals("{\"a\":[{\"x\":1,\"y\":2}],\"b\":{\"c\":true,\"d\":null}}",
                canonical("{ \"b\": {\"d\": null, \"c\": true}, \"a\": [ {\"y\": 2, \"x\": 1} ] }"));
    }

    @Test
    void write_escapesOnlyWhatJsonRequires() throws Exception {
        assertEquals("\"quote\\\" slash\\\\ nl\\n tab\\t bell\\u0007 é ✓\"",
                canonical("\"quote\\\" slash\\\\ nl\\n tab\\t bell\\u0007 \\u00e9 ✓\""));
    }

    @Test
    void write_givesNumbersOnePlainForm() throws Exception {
        assertEquals("[0,1,-7,12345678901234567890,0.1,1.5,100]", canonical("[0, 1, -7, 12345678901234567890, 0.10, 1.50, 1E2]"));
    }

    @Test
    void write_isStable_whenItsOutputIsReadAgain() throws Exception {
        String once = canonical("{\"z\":\"ü\",\"a\":[1,2.25,{\"k\":\"v\"}]}");
        assertEquals(once, canonical(once));
    }
}
