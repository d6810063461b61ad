package io.sitroom.retro;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sitroom.action.ActionEvent;
import io.sitroom.alert.AlertEvent;
import io.sitroom.comms.CommsEvent;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.erasure.ErasureEvent;
import io.sitroom.exercise.ExerciseEvent;
import io.sitroom.exercise.FeedbackEvent;
import io.sitroom.membership.RoleEvent;
import io.sitroom.playbook.PlaybookEvent;
import io.sitroom.room.EventPayload;
import io.sitroom.room.EventTypes;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomSnapshot;
import io.sitroom.statuspage.StatusPageEvent;
import io.sitroom.tracker.TrackerEvent;
import io.sitroom.verify.DocumentRenderer;

/**
 * {@code verify --document}'s rendering: a verified JSON export read back into the {@link RoomExport} the server
 * wrote it from, then rendered by the server's own {@link ExportDocument#from} and templates
 * ({@link ExportTemplates}). The offline verifier finds it through {@link java.util.ServiceLoader} (it needs Qute
 * and Jackson, which the packaged application has and the verifier's own code does not use).
 */
public final class DocumentCheck implements DocumentRenderer {

    /**
     * Every event record the server knows, as its features list them ({@code RoomFeature.eventTypes()}); a timeline
     * row shows each event's {@link EventPayload#brief()}, which the JSON export does not carry, so it is decoded
     * again from the event's data. The debrief and invite events are left out: their records have no brief, so
     * read as unknown events they render alike. {@code DocumentCheckTest} holds this list to the running server's.
     */
    static final List<Class<? extends EventPayload>> EVENT_TYPES = List.of(RoomEvent.class, RoleEvent.class, DecisionEvent.class,
            ActionEvent.class, CommsEvent.class, PlaybookEvent.class, ExerciseEvent.class, FeedbackEvent.class, AlertEvent.class,
            TrackerEvent.class, StatusPageEvent.class, ErasureEvent.class);

    /** Configured as the server's own mapper is by Quarkus: the modules on the class path, unknown fields refused here. */
    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final EventTypes events = new EventTypes(EVENT_TYPES, mapper);
    private final ExportTemplates templates = new ExportTemplates();

    @Override
    public String render(String exportJson, Format format) {
        RoomExport export = read(exportJson);
        ExportDocument doc;
        try {
            doc = ExportDocument.from(export);
        } catch (RuntimeException e) {
            // A verified file may leave out sections the server always writes; the documents cannot be made without them.
            throw new IllegalArgumentException("no document can be rendered from it (" + e + ")");
        }
        return format == Format.HTML ? templates.html(doc) : templates.markdown(doc);
    }

    /**
     * The export as the server built it, from its JSON: the snapshot's feature sections as the records the
     * document reads them as ({@link ExportDocument#SECTIONS}), and each event's brief decoded again from its data.
     *
     * @throws IllegalArgumentException when the JSON does not read back so, with a one-line reason
     */
    RoomExport read(String exportJson) {
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(exportJson);
            RoomSnapshot room = snapshot((ObjectNode) root.remove("room"));
            JsonNode chain = root.path("chain");
            RoomExport read = mapper.treeToValue(root, RoomExport.class);
            List<RoomExport.ChainLink> links = new ArrayList<>();
            for (int i = 0; i < read.chain().events().size(); i++) {
                RoomExport.ChainLink l = read.chain().events().get(i);
                JsonNode data = chain.path("events").path(i).get("data");
                // An erased event's brief is the empty one of ErasedEvent, as the server renders it.
                String brief = l.kind() == null ? null : Boolean.TRUE.equals(l.erased()) ? "" : events.decode(l.kind(), data).brief();
                links.add(new RoomExport.ChainLink(l.seq(), l.at(), l.kind(), l.actor(), l.commandId(), data, l.visibleTo(), l.salt(),
                        l.content(), l.erased(), l.prevHash(), l.hash(), l.redacted(), brief));
            }
            RoomExport.Chain c = read.chain();
            return new RoomExport(read.format(), read.exportedAt(), read.exportedBy(), room, read.metrics(), read.roleHistory(), read.updates(),
                    read.lessonsLearned(), read.scenario(), new RoomExport.Chain(c.version(), c.algorithm(), c.genesis(), c.headSeq(), c.headHash(), c.verification(), links,
                            c.checkpoints(), c.keys(), c.witnesses(), c.witnessKeys()));
        } catch (JsonProcessingException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("it does not read back as the server's export: " + why);
        }
    }

    /**
     * The snapshot: its own fields by its record's components, and each feature section (a field of the room
     * object that is none of them) as the records the document reads, or as plain JSON when the document does not
     * read it.
     */
    private RoomSnapshot snapshot(ObjectNode room) throws JsonProcessingException {
        RecordComponent[] components = RoomSnapshot.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Map<String, Object> sections = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            if (component.getName().equals("sections")) {
                values[i] = sections;
            } else {
                JsonNode value = room.remove(component.getName());
                values[i] = value == null ? defaultOf(component.getType())
                        : mapper.treeToValue(value, mapper.constructType(component.getGenericType()));
            }
        }
        for (Map.Entry<String, JsonNode> field : room.properties()) {
            Class<?> type = ExportDocument.SECTIONS.get(field.getKey());
            sections.put(field.getKey(), type == null ? mapper.treeToValue(field.getValue(), Object.class)
                    : field.getValue().isArray() ? mapper.treeToValue(field.getValue(), mapper.getTypeFactory().constructCollectionType(List.class, type))
                            : mapper.treeToValue(field.getValue(), type));
        }
        try {
            return RoomSnapshot.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a RoomSnapshot", e);
        }
    }

    private static Object defaultOf(Class<?> type) {
        return type == long.class ? 0L : type == int.class ? 0 : type == boolean.class ? false : null;
    }
}
