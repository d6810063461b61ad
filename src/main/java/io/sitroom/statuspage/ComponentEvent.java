package io.sitroom.statuspage;

import java.util.UUID;

import io.sitroom.room.EventKind;

/** What the admin's component commands recorded (in the audit log, under the event's kind). */
public sealed interface ComponentEvent {

    UUID componentId();

    /** A few words for the audit log's detail. */
    String brief();

    @EventKind("component.created")
    record Created(UUID componentId, String name, String description, ComponentStatus status, int position) implements ComponentEvent {
        @Override
        public String brief() {
            return name + " (" + status + ")";
        }
    }

    @EventKind("component.described")
    record Described(UUID componentId, String name, String description) implements ComponentEvent {
        @Override
        public String brief() {
            return name + (description == null ? "" : ": " + description);
        }
    }

    @EventKind("component.status_changed")
    record StatusChanged(UUID componentId, ComponentStatus from, ComponentStatus to) implements ComponentEvent {
        @Override
        public String brief() {
            return from + " to " + to;
        }
    }

    static String kind(ComponentEvent event) {
        return event.getClass().getAnnotation(EventKind.class).value();
    }
}
