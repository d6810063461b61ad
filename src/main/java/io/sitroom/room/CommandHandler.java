package io.sitroom.room;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitroom.error.ErrorCode;
import io.sitroom.error.OutageLog;
import io.sitroom.error.SitroomException;
import io.sitroom.limits.RateLimits;

/**
 * The way in for commands, from WebSocket frames and REST calls alike: decodes a command, then
 * hands it to its room's unit of work ({@link RoomWriter}), which checks membership, idempotency,
 * admission and authority, decides and appends. A refusal comes back as a result, never as an
 * exception.
 */
@ApplicationScoped
public class CommandHandler {

    private static final Logger LOG = Logger.getLogger(CommandHandler.class);

    private final CommandCatalog catalog;
    private final RoomWriter writer;
    private final Directory directory;
    private final Clock clock;
    private final MeterRegistry registry;
    private final RateLimits rateLimits;
    private final Taxonomy taxonomy;
    private final long waitMs;
    private final OutageLog outage = new OutageLog(LOG, "commands");

    public CommandHandler(CommandCatalog catalog, RoomWriter writer, Directory directory, Clock clock, MeterRegistry registry,
            RateLimits rateLimits, CommandConfig config, Taxonomy taxonomy) {
        this.catalog = catalog;
        this.taxonomy = taxonomy;
        this.writer = writer;
        this.directory = directory;
        this.clock = clock;
        this.registry = registry;
        this.rateLimits = rateLimits;
        this.waitMs = config.waitFor().toMillis();
        for (ErrorCode code : ErrorCode.values()) {
            Counter.builder("sitroom.command.refusals").description("Commands refused, by error code").tag("code", code.wire()).register(registry);
        }
    }

    /** Handles one command from a user and waits for its result (at most {@code sitroom.commands.wait}). */
    public CommandResult handle(UUID roomId, UUID userId, CommandEnvelope envelope) {
        return await(submit(roomId, userId, envelope), envelope.commandId());
    }

    /**
     * Handles one command from a user without waiting: decodes it at once, then queues it behind the
     * room's other work; the result completes (never exceptionally) once the command's transaction
     * has committed or rolled back, before its events are announced.
     */
    public CompletableFuture<CommandResult> submit(UUID roomId, UUID userId, CommandEnvelope envelope) {
        CommandType<?> type;
        Command command;
        try {
            rateLimits.takeCommand(userId);
            type = catalog.type(envelope.name());
            command = catalog.decode(envelope);
        } catch (SitroomException e) {
            return CompletableFuture.completedFuture(refused(envelope.commandId(), e));
        }
        return submit(roomId, userId, envelope.commandId(), type, command, () -> {
        });
    }

    /**
     * Handles a decoded command, also one the server issues on a user's behalf that is not on the
     * wire (an invitation, say), running {@code alsoRecord} in the same transaction when it is
     * accepted, for rows that must not be in the log (a secret's hash).
     */
    public CommandResult execute(UUID roomId, UUID userId, String commandId, CommandType<?> type, Command command, Runnable alsoRecord) {
        return await(submit(roomId, userId, commandId, type, command, alsoRecord), commandId);
    }

    private CompletableFuture<CommandResult> submit(UUID roomId, UUID userId, String commandId, CommandType<?> type, Command command,
            Runnable alsoRecord) {
        return writer.submit(roomId, new CommandWork(userId, commandId, type, command, alsoRecord)).handle((result, failure) -> {
            if (failure == null) {
                outage.succeeded();
                return result;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause()
                    : failure;
            if (cause instanceof SitroomException refusal) {
                return refused(commandId, refusal);
            }
            return failed(roomId, commandId, type, cause);
        });
    }

    private CommandResult await(CompletableFuture<CommandResult> result, String commandId) {
        try {
            return RoomWriter.await(result, waitMs);
        } catch (RoomWriter.WorkTimedOut e) {
            return refused(commandId, new SitroomException(ErrorCode.UNAVAILABLE, "the server is taking too long to record this command;"
                    + " it may still be recorded: send it again with the same commandId to learn its outcome"));
        }
    }

    /** One client's command in its room's unit of work. */
    private final class CommandWork implements RoomWriter.Work<CommandResult> {
        private final UUID userId;
        private final String commandId;
        private final CommandType<?> type;
        private final Command command;
        private final Runnable alsoRecord;

        CommandWork(UUID userId, String commandId, CommandType<?> type, Command command, Runnable alsoRecord) {
            this.userId = userId;
            this.commandId = commandId;
            this.type = type;
            this.command = command;
            this.alsoRecord = alsoRecord;
        }

        @Override
        public String commandId() {
            return commandId;
        }

        @Override
        public CommandResult run(LockedRoom room) {
            Member actor = room.members().get(userId);
            if (actor == null) {
                throw RoomService.roomNotFound();
            }
            CommandResult earlier = room.earlierResult(commandId);
            if (earlier != null) {
                return earlier;
            }
            List<NewEvent> decided;
            try {
                room.admit(new Admission.Source.Command(type));
                decided = type.decide(command, new CommandContext(room.state(), actor, EventLog.now(clock), directory, taxonomy));
            } catch (SitroomException refused) {
                // Deciding a repeat again may be refused (what it did is done): it still gets its first result.
                CommandResult accepted = room.acceptedBefore(commandId);
                if (accepted != null) {
                    return accepted;
                }
                throw refused;
            }
            List<RecordedEvent> events = room.append(actor, commandId, decided);
            alsoRecord.run();
            return room.accepted(commandId, events.get(0).seq(), events.get(decided.size() - 1).seq());
        }
    }

    private CommandResult failed(UUID roomId, String commandId, CommandType<?> type, Throwable e) {
        // The transaction rolled back: nothing was appended. Say so rather than drop the connection.
        if (!outage.failed(e)) {
            LOG.errorf(e, "room %s: command %s (%s) failed", roomId, commandId, type.name());
        }
        return refused(commandId, new SitroomException(ErrorCode.UNAVAILABLE,
                "the server could not record this command; nothing was changed, try again"));
    }

    private CommandResult refused(String commandId, SitroomException e) {
        registry.counter("sitroom.command.refusals", "code", e.code().wire()).increment();
        return CommandResult.refused(commandId, e);
    }
}
