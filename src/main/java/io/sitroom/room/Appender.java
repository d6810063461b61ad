package io.sitroom.room;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The inside of a unit of work: appends to the locked room's log, updates every projection in the
 * same transaction, and lets the features react (a conditional inject, an expectation met), appending
 * their events too, until nothing more follows.
 */
@ApplicationScoped
class Appender {

    /** Reactions may cause reactions (an inject delivered on a condition starts an expectation...), but not forever. */
    private static final int MAX_REACTION_ROUNDS = 20;

    private final EventLog log;
    private final Clock clock;
    private final List<RoomFeature> features;
    private final Counter eventsAppended;

    Appender(EventLog log, Clock clock, Instance<RoomFeature> features, MeterRegistry registry) {
        this.log = log;
        this.clock = clock;
        this.features = features.stream().toList();
        this.eventsAppended = Counter.builder("sitroom.events.appended").description("Events appended to room logs").register(registry);
    }

    List<RecordedEvent> append(LockedRoom locked, Member actor, String commandId, List<NewEvent> decided) {
        if (decided.isEmpty()) {
            throw new IllegalStateException("an append of no events (a decider accepted a command without deciding any)");
        }
        Room room = locked.entity();
        List<RecordedEvent> all = new ArrayList<>(appendAndProject(room, actor, commandId, decided));
        List<RecordedEvent> latest = all;
        for (int round = 0; round < MAX_REACTION_ROUNDS; round++) {
            List<NewEvent> reactions = new ArrayList<>();
            for (RoomFeature feature : features) {
                reactions.addAll(feature.react(room, latest, EventLog.now(clock)));
            }
            if (reactions.isEmpty()) {
                break;
            }
            latest = appendAndProject(room, null, null, reactions);
            all.addAll(latest);
        }
        eventsAppended.increment(all.size());
        return all;
    }

    private List<RecordedEvent> appendAndProject(Room room, Member actor, String commandId, List<NewEvent> decided) {
        List<RecordedEvent> events = log.append(room, actor, commandId, decided, clock.instant());
        for (RecordedEvent event : events) {
            RoomProjector.project(room, event);
            for (RoomFeature feature : features) {
                feature.project(room, event);
            }
        }
        return events;
    }
}
