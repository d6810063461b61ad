package io.sitroom.room;

import java.io.IOException;
import java.util.HashMap;
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

/** Every command the rooms understand, gathered from the features, and the strict decoding of their data. */
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

    public Set<String> names() {
        return new TreeSet<>(types.keySet());
    }

    public CommandType<?> type(String name) {
        CommandType<?> type = types.get(name);
        if (type == null) {
            throw SitroomException.invalid("unknown command '" + name + "'");
        }
        return type;
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
