package io.sitroom.proof;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A value in the plain JSON form the export writes it in: records as objects by component name, UUIDs as strings. */
final class Plain {

    private Plain() {
    }

    static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof UUID id) {
            return id.toString();
        }
        if (value instanceof Collection<?> items) {
            ArrayList<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(of(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((k, v) -> object.put(String.valueOf(k), of(v)));
            return object;
        }
        if (value.getClass().isRecord()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    object.put(component.getName(), of(component.getAccessor().invoke(value)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
            return object;
        }
        throw new IllegalArgumentException("no plain form for " + value.getClass().getName());
    }
}
