package io.sitroom.proof;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.sitroom.room.ErasedEvent;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;

/**
 * Decodes an event's data (a plain JSON value: maps, lists, strings, numbers, booleans) into its payload
 * record, with nothing but the JDK, as the server's JSON library does: by record component name; UUIDs and
 * instants from their strings; a value type from its string through its {@code of(String)} factory (roles,
 * severities, phases), an enum by its name. Only the kinds the readable sections are derived from are known
 * here ({@link ReadableSections#PAYLOADS}); any other kind is left undecoded, and so ignored by them, as the
 * server ignores it in those sections. {@code PayloadReaderTest} checks, event by event, that it decodes what
 * the server's decoder does.
 */
public final class PayloadReader {

    private final Map<String, Class<?>> byKind = new HashMap<>();

    public PayloadReader(Collection<Class<? extends EventPayload>> types) {
        types.forEach(this::register);
    }

    private void register(Class<?> type) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                register(permitted);
            }
            return;
        }
        EventKind kind = type.getAnnotation(EventKind.class);
        if (kind == null || !type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record with @EventKind");
        }
        byKind.put(kind.value(), type);
    }

    /**
     * The payload of an event of this kind, or empty when the kind is not one of those known here.
     *
     * @throws IllegalArgumentException when the data does not fit the kind's record, naming the field
     */
    /** An erased event of this kind, or empty when the kind is not one of those known here. */
    @SuppressWarnings("unchecked")
    public Optional<EventPayload> erased(String kind) {
        Class<?> type = byKind.get(kind);
        return type == null ? Optional.empty() : Optional.of(new ErasedEvent(kind, (Class<? extends EventPayload>) type));
    }

    public Optional<EventPayload> read(String kind, Object data) {
        Class<?> type = byKind.get(kind);
        return type == null ? Optional.empty() : Optional.of((EventPayload) value(type, data, "data"));
    }

    private static Object value(Type type, Object json, String path) {
        if (json == null) {
            if (type == boolean.class || type == int.class || type == long.class || type == double.class) {
                throw new IllegalArgumentException(path + " is missing");
            }
            return null;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class == raw || java.util.Set.class == raw) {
                List<Object> items = new ArrayList<>();
                int i = 0;
                for (Object item : (List<?>) as(List.class, json, path)) {
                    items.add(value(arguments[0], item, path + "[" + i++ + "]"));
                }
                return List.class == raw ? List.copyOf(items) : java.util.Set.copyOf(new LinkedHashSet<>(items));
            }
            if (Map.class == raw) {
                Map<Object, Object> entries = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) as(Map.class, json, path)).entrySet()) {
                    String key = (String) entry.getKey();
                    entries.put(value(arguments[0], key, path + "." + key), value(arguments[1], entry.getValue(), path + "." + key));
                }
                return Map.copyOf(entries);
            }
            throw new IllegalArgumentException(path + ": no reader for " + type.getTypeName());
        }
        Class<?> target = (Class<?>) type;
        if (target == String.class) {
            return as(String.class, json, path);
        }
        if (target == boolean.class || target == Boolean.class) {
            return as(Boolean.class, json, path);
        }
        if (target == int.class || target == Integer.class) {
            return integer(json, path).intValueExact();
        }
        if (target == long.class || target == Long.class) {
            return integer(json, path).longValueExact();
        }
        if (target == double.class || target == Double.class) {
            return number(json, path).doubleValue();
        }
        if (target == UUID.class) {
            try {
                return UUID.fromString(as(String.class, json, path));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + " is not a UUID");
            }
        }
        if (target == Instant.class) {
            try {
                return Instant.parse(as(String.class, json, path));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(path + " is not an instant");
            }
        }
        Method factory = factory(target);
        if (factory != null && json instanceof String text) {
            try {
                return factory.invoke(null, text);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(path + ": " + e.getCause().getMessage());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        if (target.isEnum()) {
            String name = as(String.class, json, path);
            for (Object constant : target.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(path + ": no " + target.getSimpleName() + " is named " + name);
        }
        if (target.isRecord()) {
            return record(target, as(Map.class, json, path), path);
        }
        throw new IllegalArgumentException(path + ": no reader for " + target.getName());
    }

    private static Object record(Class<?> type, Map<?, ?> fields, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getGenericType(), fields.get(components[i].getName()), path + "." + components[i].getName());
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(path + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public {@code static T of(String)}: how value types (roles, severities, phases) read themselves. */
    private static Method factory(Class<?> type) {
        try {
            Method of = type.getMethod("of", String.class);
            return Modifier.isStatic(of.getModifiers()) && of.getReturnType() == type ? of : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static BigInteger integer(Object json, String path) {
        BigDecimal number = number(json, path);
        try {
            return number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(path + " is not a whole number");
        }
    }

    private static BigDecimal number(Object json, String path) {
        if (json instanceof BigDecimal d) {
            return d;
        }
        if (json instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (json instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        throw new IllegalArgumentException(path + " is not a number");
    }

    private static <T> T as(Class<T> type, Object json, String path) {
        if (!type.isInstance(json)) {
            throw new IllegalArgumentException(path + " is not " + switch (type.getSimpleName()) {
                case "List" -> "an array";
                case "Map" -> "an object";
                case "Boolean" -> "a boolean";
                default -> "a string";
            });
        }
        return type.cast(json);
    }
}
