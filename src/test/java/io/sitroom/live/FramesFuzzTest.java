package io.sitroom.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;
import io.sitroom.room.CommandCatalog;
import io.sitroom.room.CommandEnvelope;
import io.sitroom.testing.Fuzz;

/**
 * Random and mutated text into the frame decoder, and what it lets through into the command
 * catalog, as a connection does: every input is a ping, a command, or a refusal with a protocol
 * error; nothing else comes out, no exception escapes.
 */
class FramesFuzzTest {

    private static final ObjectMapper MAPPER = Fuzz.mapper();
    private static final Frames FRAMES = new Frames(MAPPER);
    private static final CommandCatalog CATALOG = Fuzz.catalog(MAPPER);
    private static final Set<ErrorCode> FRAME_ERRORS = Set.of(ErrorCode.INVALID, ErrorCode.TOO_LARGE);

    /** A well-formed frame of any kind the protocol has: a ping or a command of the catalog with fitting data. */
    static String validFrame(Random random, boolean wireSafe) {
        if (random.nextInt(10) == 0) {
            return "{\"type\":\"ping\"}";
        }
        List<String> names = new ArrayList<>(CATALOG.names());
        String name = names.get(random.nextInt(names.size()));
        ObjectNode data = Fuzz.sampleData(CATALOG.type(name).type(), random);
        ObjectNode frame = MAPPER.createObjectNode().put("type", "command").put("commandId", "c-" + random.nextInt(1000)).put("name", name);
        frame.set("data", random.nextInt(4) == 0 ? Fuzz.mutateData(data, random, wireSafe) : data);
        return frame.toString();
    }

    /** A well-formed command frame of the catalog whose data is mutated: it passes the frame decoder and tests the command's. */
    static String mutatedCommand(Random random, boolean wireSafe) {
        List<String> names = new ArrayList<>(CATALOG.names());
        String name = names.get(random.nextInt(names.size()));
        ObjectNode frame = MAPPER.createObjectNode().put("type", "command").put("commandId", "m-" + random.nextInt(100_000)).put("name", name);
        frame.set("data", Fuzz.mutateData(Fuzz.sampleData(CATALOG.type(name).type(), random), random, wireSafe));
        return wireSafe ? Fuzz.wireSafe(frame.toString()) : frame.toString();
    }

    /** One fuzz input: random bytes, a mutated valid frame, or a frame with a field of the wrong kind. */
    static String input(Random random, boolean wireSafe) {
        String input = switch (random.nextInt(6)) {
            case 0 -> Fuzz.randomText(random, random.nextInt(300), wireSafe);
            case 1, 2 -> Fuzz.mutateText(validFrame(random, wireSafe), random, wireSafe);
            case 3 -> structural(random, wireSafe);
            case 4 -> extreme(random);
            default -> Fuzz.mutateText(Fuzz.mutateText(validFrame(random, wireSafe), random, wireSafe), random, wireSafe);
        };
        // A mutation may split a surrogate pair; a WebSocket client cannot send that as UTF-8.
        return wireSafe ? Fuzz.wireSafe(input) : input;
    }

    private static String structural(Random random, boolean wireSafe) {
        ObjectNode frame = (ObjectNode) readValid(validFrame(random, wireSafe));
        String field = Fuzz.pick(random, "type", "commandId", "name", "data");
        switch (random.nextInt(4)) {
            case 0 -> frame.remove(field);
            case 1 -> frame.set(field, Fuzz.randomJson(random, 3, wireSafe));
            case 2 -> frame.put(field, Fuzz.weirdString(random, wireSafe));
            default -> frame.set(Fuzz.pick(random, "extra", "TYPE", "commandID", ""), Fuzz.randomJson(random, 2, wireSafe));
        }
        return frame.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode readValid(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inputs at the edges: nesting past any parser's limit, numbers of thousands of digits, frames over 64 KiB. */
    private static String extreme(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "[".repeat(5_000 + random.nextInt(100_000));
            case 1 -> "{\"type\":\"command\",\"commandId\":\"n\",\"name\":\"note.add\",\"data\":" + "{\"a\":".repeat(3_000) + "1"
                    + "}".repeat(3_000) + "}";
            case 2 -> "{\"type\":\"command\",\"commandId\":\"n\",\"name\":\"exercise.speed\",\"data\":{\"speed\":1" + "0".repeat(20_000)
                    + "}}";
            case 3 -> "{\"type\":\"command\",\"commandId\":\"n\",\"name\":\"note.add\",\"data\":{\"text\":\"" + "é".repeat(40_000) + "\"}}";
            case 4 -> "{\"type\":\"ping\"," + "\"k\":0,".repeat(20_000) + "\"z\":0}";
            case 5 -> "{\"type\":\"ping\"}".repeat(1 + random.nextInt(5));
            case 6 -> "\uFEFF{\"type\":\"ping\"}";
            default -> "{\"type\":\"command\",\"commandId\":\"" + "i".repeat(65) + "\",\"name\":\"note.add\",\"data\":{\"text\":\"t\"}}";
        };
    }

    /** What a connection answers for one frame: a pong, a command result, or an error; never an exception. */
    static String answer(String text, AtomicInteger commandsDecoded) {
        Frames.Inbound inbound = FRAMES.decode(text);
        assertNotNull(inbound);
        if (inbound instanceof Frames.Inbound.Ping) {
            return "pong";
        }
        if (inbound instanceof Frames.Inbound.Bad bad) {
            assertTrue(FRAME_ERRORS.contains(bad.code()), "a protocol error: " + bad.code());
            assertFalse(bad.message() == null || bad.message().isBlank(), "the refusal says why");
            if (bad.commandId() != null) {
                assertTrue(!bad.commandId().isEmpty() && bad.commandId().length() <= CommandEnvelope.MAX_COMMAND_ID_LENGTH);
            }
            return bad.code().wire();
        }
        CommandEnvelope envelope = ((Frames.Inbound.Command) inbound).envelope();
        try {
            CATALOG.type(envelope.name());
            Object command = CATALOG.decode(envelope);
            assertTrue(CATALOG.type(envelope.name()).type().isInstance(command));
            commandsDecoded.incrementAndGet();
            return "command";
        } catch (SitroomException e) {
            assertEquals(ErrorCode.INVALID, e.code(), e.getMessage());
            assertFalse(e.getMessage() == null || e.getMessage().isBlank());
            return "invalid";
        }
    }

    @Test
    void thousandsOfRandomAndMutatedFrames_eachGetAPingACommandOrAProtocolError() {
        Map<String, AtomicInteger> outcomes = new java.util.TreeMap<>();
        AtomicInteger decoded = new AtomicInteger();
        int cases = Fuzz.cases(6_000);
        Fuzz.run("frame", cases, random -> input(random, false),
                text -> outcomes.computeIfAbsent(answer(text, decoded), k -> new AtomicInteger()).incrementAndGet());
        // The fuzzer must reach past the frame decoder into the commands, and also be refused by it.
        assertTrue(outcomes.getOrDefault("invalid", new AtomicInteger()).get() > cases / 10, "refusals: " + outcomes);
        assertTrue(decoded.get() > cases / 50, "commands decoded: " + outcomes);
        assertTrue(outcomes.containsKey("too_large") && outcomes.containsKey("pong"), "every outcome seen: " + outcomes);
    }

    @Test
    void validFrames_decode() {
        AtomicInteger decoded = new AtomicInteger();
        for (int i = 0; i < 300; i++) {
            Random random = Fuzz.random(Fuzz.seed(), i);
            String frame = validFrame(random, true);
            String outcome = answer(frame, decoded);
            if (!outcome.equals("pong") && !outcome.equals("command") && !outcome.equals("invalid")) {
                fail("a valid frame was refused by the frame decoder: " + outcome + " " + frame);
            }
        }
        assertTrue(decoded.get() > 150, "most sampled commands decode: " + decoded);
    }
}
