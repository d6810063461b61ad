package io.sitroom.limits;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

@QuarkusTest
class RequestBodyLimitTest {

    @Test
    void aBodyOverOneMebibyte_isRefusedAsTooLarge_andChangesNothing() {
        User ines = Api.newUser("Ines");
        UUID room = Api.newIncident(ines, "Large bodies");
        long head = Api.headSeq(ines, room);
        ines.as().body(Map.of("commandId", "big", "name", "note.add", "data", Map.of("text", "x".repeat(1_100_000))))
                .post("/api/rooms/" + room + "/commands").then().statusCode(413).body("error.code", equalTo("too_large"))
                .body("error.message", equalTo("the request body is over 1 MiB"));
        assertEquals(head, Api.headSeq(ines, room));
    }

    @Test
    void aBodyUnderTheLimit_isReadAsEver() {
        User ines = Api.newUser("Ines");
        UUID room = Api.newIncident(ines, "Ordinary bodies");
        ines.as().body(Map.of("commandId", "fine", "name", "note.add", "data", Map.of("text", "x".repeat(9_000))))
                .post("/api/rooms/" + room + "/commands").then().statusCode(200);
    }
}
