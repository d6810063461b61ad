package io.sitroom.alert;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.sitroom.room.EventPayload;
import io.sitroom.room.RoomFeature;

/** Alerts in rooms: the events alert intake appends. */
@ApplicationScoped
public class AlertFeature implements RoomFeature {

    @Override
    public List<Class<? extends EventPayload>> eventTypes() {
        return List.of(AlertEvent.class);
    }
}
