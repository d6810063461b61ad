package io.sitroom.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Every kind of event the rooms know, gathered from the features as {@link CommandCatalog} gathers
 * commands: kind to payload record and back. A stored event is decoded here, once, into its record;
 * every reader switches on records, and nothing else reads kinds or stored JSON. A kind this version
 * does not know, or data that no longer fits its record, decodes to an {@link UnknownEvent}.
 */
@ApplicationScoped
public class EventTypes {

    private static final Logger LOG = Logger.getLogger(EventTypes.class);

    private final Map<String, Class<? extends EventPayload>> byKind = new HashMap<>();
    private final Map<Class<?>, String> kinds = new HashMap<>();
    private final ObjectMapper mapper;
    private final ObjectReader reader;

    @Inject
    public EventTypes(Instance<RoomFeature> features, ObjectMapper mapper) {
        this(StreamSupport.stream(features.spliterator(), false).flatMap(f -> f.eventTypes().stream()).toList(), mapper);
    }

    /** The registry of the given payload types (sealed interfaces are expanded to their records). */
    public EventTypes(Collection<Class<? extends EventPayload>> types, ObjectMapper mapper) {
        this.mapper = mapper;
        // Tolerant: a field added by a newer version must not make an event unreadable here.
        this.reader = mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Class<? extends EventPayload> type : types) {
            register(type);
        }
    }

    @SuppressWarnings("unchecked")
    private void register(Class<? extends EventPayload> type) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                register((Class<? extends EventPayload>) permitted);
            }
            return;
        }
        EventKind kind = type.getAnnotation(EventKind.class);
        if (kind == null || !type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is an event payload but not a record with @EventKind");
        }
        Class<? extends EventPayload> earlier = byKind.put(kind.value(), type);
        if (earlier != null && earlier != type) {
            throw new IllegalStateException("two records declare the event kind " + kind.value() + ": " + earlier.getName() + ", "
                    + type.getName());
        }
        kinds.put(type, kind.value());
    }

    /** Whether events of this kind erase an earlier event's content ({@link ErasesContent}). */
    public boolean erases(String kind) {
        Class<? extends EventPayload> type = byKind.get(kind);
        return type != null && ErasesContent.class.isAssignableFrom(type);
    }

    /** Whether an event of this kind may have its content erased ({@link Erasable}). */
    public boolean erasable(String kind) {
        Class<? extends EventPayload> type = byKind.get(kind);
        return type != null && Erasable.class.isAssignableFrom(type);
    }

    /** Every kind known, sorted. */
    public Collection<String> kinds() {
        return Collections.unmodifiableSet(new TreeSet<>(byKind.keySet()));
    }

    public String kindOf(Class<? extends EventPayload> type) {
        String kind = kinds.get(type);
        if (kind == null) {
            throw new IllegalStateException(type.getName() + " is not a registered event payload (is its feature's eventTypes() listing it?)");
        }
        return kind;
    }

    public String kindOf(EventPayload payload) {
        if (payload instanceof UnknownEvent unknown) {
            throw new IllegalStateException("an event of unknown kind " + unknown.kind() + " cannot be appended");
        }
        return kindOf(payload.getClass());
    }

    /** A payload as the data of its event, in the form the log stores (before canonicalisation). */
    public JsonNode toData(EventPayload payload) {
        return mapper.valueToTree(payload);
    }

    /** Decodes an event's data into its record; never throws. */
    public EventPayload decode(String kind, JsonNode data) {
        Class<? extends EventPayload> type = byKind.get(kind);
        if (type == null) {
            return new UnknownEvent(kind, data);
        }
        try {
            return reader.treeToValue(data, type);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("an event of kind %s does not fit %s (%s); it is read as an unknown event", kind, type.getSimpleName(),
                    e.getMessage());
            return new UnknownEvent(kind, data);
        }
    }

    /** A stored event, decoded. Data that is not JSON at all (an edited row) stays readable as a string. */
    public RecordedEvent decode(LoggedEvent row) {
        if (row.erased()) {
            return RecordedEvent.of(row, NullNode.getInstance(), new ErasedEvent(row.kind, byKind.get(row.kind)));
        }
        JsonNode data;
        try {
            data = mapper.readTree(row.data);
        } catch (JsonProcessingException e) {
            data = JsonNodeFactory.instance.textNode(row.data);
        }
        return RecordedEvent.of(row, data, decode(row.kind, data));
    }

    public List<RecordedEvent> decode(List<LoggedEvent> rows) {
        List<RecordedEvent> events = new ArrayList<>(rows.size());
        for (LoggedEvent row : rows) {
            events.add(decode(row));
        }
        return events;
    }
}
