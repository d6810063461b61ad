package io.sitroom.proof;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares a section as a file says it with the same section derived from the events, and names the
 * first field where they part: {@code room.decisions[0].choice: the file says "yes, pay", the events say "no"}.
 * JSON semantics: a null field is the same as an absent one, numbers compare by value, objects by their
 * fields in name order, arrays item by item.
 */
public final class SectionCheck {

    private SectionCheck() {
    }

    /** The first disagreement between the file's value and the derived one at {@code path}, or empty when they agree. */
    public static Optional<String> firstDifference(String path, Object file, Object derived) {
        if (file instanceof Map<?, ?> fileObject && derived instanceof Map<?, ?> derivedObject) {
            TreeSet<String> names = new TreeSet<>();
            fileObject.keySet().forEach(k -> names.add((String) k));
            derivedObject.keySet().forEach(k -> names.add((String) k));
            for (String name : names) {
                Optional<String> difference = firstDifference(path + "." + name, fileObject.get(name), derivedObject.get(name));
                if (difference.isPresent()) {
                    return difference;
                }
            }
            return Optional.empty();
        }
        if (file instanceof List<?> fileArray && derived instanceof List<?> derivedArray) {
            for (int i = 0; i < Math.min(fileArray.size(), derivedArray.size()); i++) {
                Optional<String> difference = firstDifference(path + "[" + i + "]", fileArray.get(i), derivedArray.get(i));
                if (difference.isPresent()) {
                    return difference;
                }
            }
            if (fileArray.size() != derivedArray.size()) {
                return Optional.of(path + ": the file lists " + fileArray.size() + ", the events " + derivedArray.size());
            }
            return Optional.empty();
        }
        if (same(file, derived)) {
            return Optional.empty();
        }
        return Optional.of(path + ": the file says " + shown(file) + ", the events say " + shown(derived));
    }

    private static boolean same(Object file, Object derived) {
        if (file instanceof Number a && derived instanceof Number b) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        return file == null ? derived == null : file.equals(derived);
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return new BigDecimal(n.toString());
    }

    private static String shown(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?> list) {
            return "a list of " + list.size();
        }
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        text = text.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 80 ? text.substring(0, 77) + "...\"" : text;
    }
}
