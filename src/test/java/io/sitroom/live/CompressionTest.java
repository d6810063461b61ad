package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;
import io.sitroom.testing.DeflateWsClient;
import io.sitroom.testing.WsClient;

/**
 * What a browser gets: it offers permessage-deflate, and every frame comes compressed (each event once for all
 * connections, written straight to their channels), decoding with
 * the one inflater a browser keeps for the connection, whether the frame was shared by every
 * connection (an event, compressed once) or its own (the welcome, a command's result), in any order.
 */
@QuarkusTest
class CompressionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Containment update: the file servers in building B are isolated; backups verified. ";

    @Test
    void aBrowserLikeClient_getsEveryFrameCompressed_andTheSameEventsAsAPlainClient() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Compressed");
        long perConnection = SocketWriter.PER_CONNECTION.sum();
        long direct = SocketWriter.DIRECT.sum();
        try (DeflateWsClient browser = DeflateWsClient.connect(RestAssured.port, "/ws/rooms/" + room, ic.token());
                WsClient plain = WsClient.connect(ic, room, null)) {
            assertTrue(browser.extensions().startsWith("permessage-deflate"), browser.extensions());
            DeflateWsClient.Message welcome = browser.next();
            assertTrue(welcome.compressed());
            assertEquals("welcome", JSON.readTree(welcome.text()).path("type").asText());
            plain.next("welcome");

            Set<String> sent = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                String text = TEXT.repeat(8) + i;
                if (i % 2 == 0) {
                    String commandId = "deflate-" + i;
                    sent.add(commandId);
                    browser.sendText(JSON.writeValueAsString(Map.of("type", "command", "commandId", commandId, "name", "note.add",
                            "data", Map.of("text", text))));
                } else {
                    Api.accepted(ic, room, "note.add", Map.of("text", text));
                }
            }
            long head = 2 + 30;
            Map<Long, JsonNode> events = new HashMap<>();
            int eventWireBytes = 0;
            int eventTextBytes = 0;
            while (events.size() < 30 || !sent.isEmpty()) {
                DeflateWsClient.Message message = browser.next();
                assertTrue(message.compressed(), "every data frame is compressed: " + message.text());
                JsonNode frame = JSON.readTree(message.text());
                if (frame.path("type").asText().equals("result")) {
                    assertTrue(frame.path("ok").asBoolean(), message.text());
                    sent.remove(frame.path("commandId").asText());
                } else if (frame.path("type").asText().equals("event")) {
                    events.put(frame.path("seq").asLong(), frame);
                    eventWireBytes += message.wireBytes();
                    eventTextBytes += message.text().getBytes(StandardCharsets.UTF_8).length;
                }
            }
            List<JsonNode> plainEvents = plain.eventsUpTo(head);
            assertEquals(30, plainEvents.size());
            for (JsonNode event : plainEvents) {
                assertEquals(event, events.get(event.path("seq").asLong()), "seq " + event.path("seq"));
            }
            // Each event is compressed on its own (no window shared with earlier frames, so that every connection can take it).
            assertTrue(eventWireBytes * 2 < eventTextBytes, "compressed: " + eventWireBytes + " bytes on the wire for " + eventTextBytes);
        }
        // Every frame went straight to the channel as the event's shared bytes: none was encoded or compressed again for
        // a connection by the WebSocket library (which it would be if the socket under the connection were out of reach).
        assertEquals(perConnection, SocketWriter.PER_CONNECTION.sum(), "frames written through the WebSocket library");
        assertTrue(SocketWriter.DIRECT.sum() - direct >= 2 * 30, "frames written to the channel: " + (SocketWriter.DIRECT.sum() - direct));
    }

    @Test
    void deflate_ofAFrame_isOneSelfContainedSegment_thatInflatesAfterAnyOther() throws Exception {
        byte[] first = EncodedFrame.of("{\"type\":\"event\",\"text\":\"" + TEXT.repeat(3) + "\"}").deflated();
        byte[] second = EncodedFrame.of("{\"type\":\"event\",\"text\":\"" + TEXT.repeat(3) + "!\"}").deflated();
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        assertEquals("{\"type\":\"event\",\"text\":\"" + TEXT.repeat(3) + "\"}", inflate(inflater, first));
        assertEquals("{\"type\":\"event\",\"text\":\"" + TEXT.repeat(3) + "!\"}", inflate(inflater, second));
        inflater.end();
    }

    private static String inflate(java.util.zip.Inflater inflater, byte[] deflated) throws Exception {
        byte[] input = java.util.Arrays.copyOf(deflated, deflated.length + 4);
        input[deflated.length + 2] = (byte) 0xff;
        input[deflated.length + 3] = (byte) 0xff;
        inflater.setInput(input);
        byte[] out = new byte[64 * 1024];
        int n = inflater.inflate(out);
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
