package io.sitroom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.json.CanonicalForm;
import io.sitroom.json.CanonicalJson;

/** The offline verifier's JSON reading and canonical form agree with the server's. */
class ExportVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void canonicalForm_isTheServersForTrickyValues() throws Exception {
        for (String json : List.of(
                "{\"b\":[1,2.50,{\"z\":null,\"a\":true}],\"a\":\"é \\\"q\\\" \\n \\u0001\"}",
                "{\"speed\":1000.0,\"tiny\":0.000,\"big\":12345678901234567890,\"exp\":1e2}",
                "[\"\\ud83d\\ude00\",-0.5,false]")) {
            assertEquals(CanonicalJson.write(JSON.readTree(json)), CanonicalForm.write(StrictJson.read(json)), json);
        }
    }
}
