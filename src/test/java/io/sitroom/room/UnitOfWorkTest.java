package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/**
 * The unit of work completes every result before anything hears of the events, and a listener that
 * throws changes, delays or withholds no result.
 */
@QuarkusTest
class UnitOfWorkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CommandHandler commands;

    @Test
    void everyCommandOfABatch_completesWithItsTrueResult_whenAListenerThrows() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "A listener breaks");
        long head = Api.headSeq(ic, room);
        List<CompletableFuture<CommandResult>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String text = i % 5 == 2 ? ThrowingListener.BOOM : "note " + i;
            results.add(commands.submit(room, ic.id(), new CommandEnvelope("boom-" + i, "note.add", JSON.valueToTree(Map.of("text", text)))));
        }
        for (int i = 0; i < results.size(); i++) {
            CommandResult result = results.get(i).get(10, TimeUnit.SECONDS);
            assertTrue(result.ok(), "command " + i + ": " + result);
            assertEquals(head + i + 1, result.seq(), "command " + i + " is at its place in the log");
        }
        assertEquals(20, Api.events(ic, room, "note.added").size(), "every note was recorded");
    }

    @Test
    void aRestCommand_isAccepted_whenAListenerThrowsOnItsEvent() {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "A listener breaks over REST");
        long seq = Api.accepted(ic, room, "note.add", Map.of("text", ThrowingListener.BOOM));
        assertEquals(seq, Api.headSeq(ic, room));
        // And the room goes on: the next command is recorded after it.
        assertEquals(seq + 1, Api.accepted(ic, room, "note.add", Map.of("text", "after the failure")));
    }

    @Test
    void aRepeatedCommand_getsTheFirstResult_inTheSameBatchAndAfter() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Idempotent");
        var data = JSON.valueToTree(Map.of("text", "once"));
        CompletableFuture<CommandResult> first = commands.submit(room, ic.id(), new CommandEnvelope("same-id", "note.add", data));
        CompletableFuture<CommandResult> second = commands.submit(room, ic.id(), new CommandEnvelope("same-id", "note.add", data));
        assertEquals(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
        assertEquals(first.get(), commands.handle(room, ic.id(), new CommandEnvelope("same-id", "note.add", data)));
        assertEquals(1, Api.events(ic, room, "note.added").size());
    }
}
