package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.error.ErrorCode;
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

    @Inject
    MeterRegistry registry;

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

    @Test
    void newCommandsBatchedWithRepeats_areRecordedOnce_andTheRepeatsGetTheirFirstResults() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Repeats among new commands");
        Map<String, CommandResult> first = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            first.put("old-" + i, commands.handle(room, ic.id(), note("old-" + i, "first " + i)));
        }
        long head = Api.headSeq(ic, room);
        double rerunBefore = registry.counter("sitroom.commands.batch.repeated").count();
        // New commands and repeats queued together: a batch that meets a repeat runs again, looking its ids up.
        Map<String, CompletableFuture<CommandResult>> sent = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String id = i % 4 == 3 ? "old-" + (i / 4) : "new-" + i;
            sent.put(id, commands.submit(room, ic.id(), note(id, "second " + i)));
        }
        List<Long> newSeqs = new ArrayList<>();
        for (var entry : sent.entrySet()) {
            CommandResult result = entry.getValue().get(10, TimeUnit.SECONDS);
            assertTrue(result.ok(), entry.getKey() + ": " + result);
            if (first.containsKey(entry.getKey())) {
                assertEquals(first.get(entry.getKey()), result, "a repeat gets its first result");
            } else {
                newSeqs.add(result.seq());
            }
        }
        assertEquals(30, newSeqs.size());
        assertEquals(LongStream.rangeClosed(head + 1, head + 30).boxed().toList(), newSeqs.stream().sorted().toList(),
                "the new commands, and nothing else, follow the head in the log");
        assertEquals(40, Api.events(ic, room, "note.added").size(), "no repeat was recorded again");
        assertEquals(head + 30, Api.headSeq(ic, room));
        assertTrue(registry.counter("sitroom.commands.batch.repeated").count() > rerunBefore, "a batch with a repeat ran again");
    }

    @Test
    void aRepeat_thatDecidedAgainWouldBeRefused_getsItsFirstResult() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Repeats of a change");
        var data = JSON.valueToTree(Map.of("severity", "SEV1"));
        CommandResult first = commands.handle(room, ic.id(), new CommandEnvelope("to-sev1", "room.severity", data));
        assertTrue(first.ok(), first.toString());
        // Decided again it would be refused (the severity is already SEV1); as a repeat it is answered as the first time.
        assertEquals(first, commands.handle(room, ic.id(), new CommandEnvelope("to-sev1", "room.severity", data)));
        CommandResult fresh = commands.handle(room, ic.id(), new CommandEnvelope("to-sev1-again", "room.severity", data));
        assertEquals(ErrorCode.CONFLICT, fresh.error().code(), "a new command id is decided, and refused");
        assertEquals(1, Api.events(ic, room, "room.severity_changed").size());
    }

    private static CommandEnvelope note(String commandId, String text) {
        return new CommandEnvelope(commandId, "note.add", JSON.valueToTree(Map.of("text", text)));
    }

    @Test
    void repeatedCommands_getTheirFirstResults_forBatchesOfEveryLength() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "Many repeats");
        Map<String, CompletableFuture<CommandResult>> sent = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            sent.put("many-" + i, commands.submit(room, ic.id(), new CommandEnvelope("many-" + i, "note.add", JSON.valueToTree(Map.of("text", "note " + i)))));
        }
        Map<String, CommandResult> first = new LinkedHashMap<>();
        for (var entry : sent.entrySet()) {
            first.put(entry.getKey(), entry.getValue().get(10, TimeUnit.SECONDS));
        }
        // All of them again at once (batches as long as the queue gives): each gets its first result, nothing is appended.
        List<CompletableFuture<CommandResult>> again = new ArrayList<>();
        first.keySet().forEach(id -> again.add(commands.submit(room, ic.id(), new CommandEnvelope(id, "note.add", JSON.valueToTree(Map.of("text", "again"))))));
        List<CommandResult> expected = List.copyOf(first.values());
        for (int i = 0; i < again.size(); i++) {
            assertEquals(expected.get(i), again.get(i).get(10, TimeUnit.SECONDS), "repeat " + i);
        }
        assertEquals(300, Api.events(ic, room, "note.added").size(), "no repeat was recorded again");
        // The lookup on its own, for lists around each length it pads to and longer than the longest.
        List<String> ids = List.copyOf(first.keySet());
        for (int n : new int[] { 1, 2, 4, 5, 16, 17, 64, 65, 256, 257, 300 }) {
            List<String> asked = new ArrayList<>(ids.subList(0, n));
            asked.add(n / 2, "never-sent-" + n);
            Map<String, CommandResult> found = QuarkusTransaction.requiringNew().call(() -> AcceptedCommand.results(room, asked));
            Map<String, CommandResult> wanted = new LinkedHashMap<>();
            ids.subList(0, n).forEach(id -> wanted.put(id, first.get(id)));
            assertEquals(wanted, found, n + " ids and one never sent");
        }
    }
}
