package io.sitroom.room;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;

/**
 * Every command the rooms understand, gathered from the features, with who may issue each (its
 * {@link Authority}), what a member may issue now ({@link #can}), and the strict decoding of their data.
 */
@ApplicationScoped
public class CommandCatalog {

    private final Map<String, CommandType<?>> types = new HashMap<>();
    private final ObjectReader reader;

    public CommandCatalog(Instance<RoomFeature> features, ObjectMapper mapper) {
        for (RoomFeature feature : features) {
            for (CommandType<?> type : feature.commandTypes()) {
                if (types.put(type.name(), type) != null) {
                    throw new IllegalStateException("two features declare the command " + type.name());
                }
            }
        }
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Every command's name, those the server issues for REST calls of its own included. */
    public Set<String> names() {
        return new TreeSet<>(types.keySet());
    }

    /** Every command type, those the server issues for REST calls of its own included. */
    public Collection<CommandType<?>> types() {
        return List.copyOf(types.values());
    }

    /** The type of a command a client sends; refuses with {@code invalid} a name it cannot send. */
    public CommandType<?> type(String name) {
        CommandType<?> type = types.get(name);
        if (type == null || !type.fromWire()) {
            throw SitroomException.invalid("unknown command '" + name + "'");
        }
        return type;
    }

    /** Any command type by name, those the server issues included; for authority questions. */
    public CommandType<?> declared(String name) {
        CommandType<?> type = types.get(name);
        if (type == null) {
            throw new IllegalArgumentException("no command " + name);
        }
        return type;
    }

    /**
     * The commands a member holding {@code roles} may issue now in a room of this kind and phase,
     * sorted: those their roles allow whatever the content, and those whose content decides (the
     * client offers them where the content fits: a decision naming one of the member's roles, an
     * action they own). A closed room offers only what reopens it.
     */
    public List<String> can(RoomKind kind, Phase phase, Set<Role> roles) {
        return types.values().stream()
                .filter(t -> t.authority().mayIssue(roles, kind))
                .filter(t -> Admission.admits(phase, new Admission.Source.Command(t)))
                .map(CommandType::name).sorted().toList();
    }

    /**
     * Of {@link #can}, the commands a member holding {@code roles} may issue whatever their content
     * (update any action, release anyone's role), so that a client offers them on every item, and the
     * others only where the item's data names the member (its owner, its approvers, its pending roles).
     */
    public List<String> privileged(RoomKind kind, Phase phase, Set<Role> roles) {
        return types.values().stream()
                .filter(t -> t.authority().existsIn(kind) && t.authority().privileged(roles, kind))
                .filter(t -> Admission.admits(phase, new Admission.Source.Command(t)))
                .map(CommandType::name).sorted().toList();
    }

    /** Decodes the envelope's data into its command record, or refuses it as {@code invalid}, naming the field. */
    public Command decode(CommandEnvelope envelope) {
        CommandType<?> type = type(envelope.name());
        var data = envelope.data() == null || envelope.data().isNull() ? JsonNodeFactory.instance.objectNode() : envelope.data();
        try {
            return reader.forType(type.type()).readValue(data);
        } catch (UnrecognizedPropertyException e) {
            throw SitroomException.invalid(envelope.name() + ": unknown field '" + e.getPropertyName() + "'");
        } catch (IOException e) {
            SitroomException refusal = causeOf(e);
            String field = fieldPath(e);
            if (refusal != null) {
                throw SitroomException.invalid(envelope.name() + ": " + refusal.getMessage());
            }
            throw SitroomException.invalid(envelope.name() + ": "
                    + (field.isEmpty() ? "data does not fit the command" : "field '" + field + "' has the wrong type or format"));
        }
    }

    private static SitroomException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SitroomException s) {
                return s;
            }
        }
        return null;
    }

    private static String fieldPath(IOException e) {
        if (e instanceof JsonMappingException m) {
            return m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "";
    }
}
