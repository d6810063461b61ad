package io.sitroom.testing;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sitroom.action.ActionFeature;
import io.sitroom.comms.CommsFeature;
import io.sitroom.decision.DecisionFeature;
import io.sitroom.exercise.ExerciseFeature;
import io.sitroom.membership.RoleFeature;
import io.sitroom.room.CommandCatalog;
import io.sitroom.room.CoreRoomFeature;
import io.sitroom.room.RoomFeature;
import io.sitroom.webhook.WebhookFeature;

/**
 * Seeded random and mutated inputs for fuzz tests. The seed is fixed by default and can be set
 * with {@code -Dsitroom.fuzz.seed=N}, the number of cases scaled with {@code -Dsitroom.fuzz.cases=N};
 * a failing case names the seed and its number, so it can be replayed.
 */
public final class Fuzz {

    public static final long DEFAULT_SEED = 20261129L;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Fuzz() {
    }

    public static long seed() {
        return Long.getLong("sitroom.fuzz.seed", DEFAULT_SEED);
    }

    public static int cases(int byDefault) {
        return Integer.getInteger("sitroom.fuzz.cases", byDefault);
    }

    /** A random for one case, derived from the seed and the case number (a case replays alone). */
    public static Random random(long seed, int caseNumber) {
        return new Random(seed ^ (caseNumber * 0x9E3779B97F4A7C15L));
    }

    /**
     * Runs {@code count} cases: draws an input, then checks it. Any throwable (an assertion or an
     * exception that escaped) fails the test naming the seed, the case and the input.
     */
    public static <T> void run(String what, int count, Function<Random, T> input, Consumer<T> check) {
        long seed = seed();
        for (int i = 0; i < count; i++) {
            T value = input.apply(random(seed, i));
            try {
                check.accept(value);
            } catch (Throwable failure) {
                throw new AssertionError(what + " case " + i + " failed (seed " + seed + ", replay with -Dsitroom.fuzz.seed=" + seed
                        + "): " + failure + "\ninput: " + abbreviate(String.valueOf(value)), failure);
            }
        }
    }

    public static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "... (" + text.length() + " chars)";
    }

    /** The application's JSON mapper as Quarkus configures it (Java time and JDK types, ISO dates, lenient on unknown properties). */
    public static ObjectMapper mapper() {
        return JsonMapper.builder().findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /**
     * The command catalog as production builds it: from every room feature. Decoding consults only
     * the command types a feature declares, never the services the features are given, so those are absent.
     */
    public static CommandCatalog catalog(ObjectMapper mapper) {
        List<RoomFeature> features = List.of(new CoreRoomFeature(), new RoleFeature(), new ActionFeature(null), new CommsFeature(null, null, null),
                new DecisionFeature(mapper, null), new ExerciseFeature(null, null, null, null), new io.sitroom.exercise.FeedbackFeature(null, null),
                new WebhookFeature(),
                new io.sitroom.playbook.PlaybookFeature(null), new io.sitroom.statuspage.StatusPageFeature(null, null),
                new io.sitroom.tracker.TrackerFeature(), new io.sitroom.erasure.ErasureFeature(null));
        return new CommandCatalog(instanceOf(features), mapper);
    }

    /** The smallest {@link Instance}: iterable over the given beans, nothing else. */
    @SuppressWarnings("unchecked")
    static <T> Instance<T> instanceOf(List<T> beans) {
        return (Instance<T>) Proxy.newProxyInstance(Fuzz.class.getClassLoader(), new Class<?>[] { Instance.class }, (proxy, method, args) -> {
            switch (method.getName()) {
                case "iterator":
                    return beans.iterator();
                case "stream":
                    return beans.stream();
                case "isUnsatisfied":
                    return beans.isEmpty();
                case "isAmbiguous":
                    return beans.size() > 1;
                case "toString":
                    return "Instance" + beans;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    // --- valid data, from a command record's components

    /** Data that fits a command record: every component with a plausible value of its type. */
    public static ObjectNode sampleData(Class<?> record, Random random) {
        ObjectNode data = NODES.objectNode();
        for (RecordComponent component : record.getRecordComponents()) {
            data.set(component.getName(), sample(component.getGenericType(), random));
        }
        return data;
    }

    private static JsonNode sample(Type type, Random random) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return NODES.textNode(pick(random, "disk encryption seen on fs-01", "Isolate the segment", "x", "ünïcödé 🔥", "legal"));
        }
        if (raw == UUID.class) {
            return NODES.textNode(UUID.randomUUID().toString());
        }
        if (raw == Instant.class) {
            return NODES.textNode(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString());
        }
        if (raw == Integer.class || raw == int.class) {
            return NODES.numberNode(1 + random.nextInt(5));
        }
        if (raw == Long.class || raw == long.class) {
            return NODES.numberNode(1L + random.nextInt(3));
        }
        if (raw == Double.class || raw == double.class) {
            return NODES.numberNode(1 + random.nextInt(10) / 2.0);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return NODES.booleanNode(random.nextBoolean());
        }
        // Severities and phases are values of the deployment's list: a sample is one of the default list's.
        if (raw == io.sitroom.room.Severity.class) {
            List<io.sitroom.room.Taxonomy.Level> levels = io.sitroom.room.Taxonomy.defaults().severities();
            return NODES.textNode(levels.get(random.nextInt(levels.size())).id().id());
        }
        if (raw == io.sitroom.room.Phase.class) {
            List<io.sitroom.room.Taxonomy.Stage> stages = io.sitroom.room.Taxonomy.defaults().phases();
            return NODES.textNode(stages.get(random.nextInt(stages.size())).id().id());
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return NODES.textNode(wire(constants[random.nextInt(constants.length)]));
        }
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            ArrayNode array = NODES.arrayNode();
            int size = 1 + random.nextInt(2);
            for (int i = 0; i < size; i++) {
                array.add(sample(p.getActualTypeArguments()[0], random));
            }
            return array;
        }
        if (raw.isRecord()) {
            return sampleData(raw, random);
        }
        return NODES.nullNode();
    }

    /** An enum constant as it goes on the wire: its {@code @JsonValue} ({@code wire()}), else its name. */
    private static String wire(Object constant) {
        try {
            return String.valueOf(constant.getClass().getMethod("wire").invoke(constant));
        } catch (ReflectiveOperationException e) {
            return ((Enum<?>) constant).name();
        }
    }

    // --- mutations

    /** Mutates command data: drops, nulls, retypes or bloats fields, adds unknown ones; one to three changes. */
    public static ObjectNode mutateData(ObjectNode original, Random random, boolean wireSafe) {
        ObjectNode data = original.deepCopy();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            List<String> fields = new ArrayList<>();
            data.fieldNames().forEachRemaining(fields::add);
            String field = fields.isEmpty() ? "text" : fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(8)) {
                case 0 -> data.remove(field);
                case 1 -> data.putNull(field);
                case 2 -> data.set(unknownFieldName(random), randomJson(random, 3, wireSafe));
                case 3 -> data.set(field, randomJson(random, 3, wireSafe));
                case 4 -> data.set(field, NODES.textNode(weirdString(random, wireSafe)));
                case 5 -> data.set(field, weirdNumber(random));
                case 6 -> data.set(field, nested(random, 2 + random.nextInt(60)));
                default -> data.set(field, lookAlike(data.get(field), random));
            }
        }
        return data;
    }

    private static String unknownFieldName(Random random) {
        return pick(random, "extra", "", "__proto__", "@type", "$ref", "constructor", "TEXT", "text ", "ünknown", "a.b", "\u0000",
                "🔥", "x".repeat(300));
    }

    /** A value close to the original but not quite it: another case, padded, wrapped in a list, stringified. */
    private static JsonNode lookAlike(JsonNode value, Random random) {
        if (value == null || value.isNull()) {
            return NODES.textNode("null");
        }
        if (value.isTextual()) {
            String text = value.textValue();
            return switch (random.nextInt(6)) {
                case 0 -> NODES.textNode(text.toUpperCase());
                case 1 -> NODES.textNode(" " + text + " ");
                case 2 -> NODES.arrayNode().add(text);
                case 3 -> NODES.textNode(text.isEmpty() ? "" : text.substring(0, random.nextInt(text.length())));
                case 4 -> NODES.textNode("{" + text + "}");
                default -> NODES.textNode("");
            };
        }
        if (value.isNumber()) {
            return random.nextBoolean() ? NODES.textNode(value.asText()) : NODES.numberNode(-value.asDouble());
        }
        if (value.isArray()) {
            return value.size() > 0 ? value.get(0) : NODES.arrayNode().addNull();
        }
        return NODES.textNode(value.toString());
    }

    public static JsonNode weirdNumber(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(new java.math.BigInteger("9223372036854775808"));
            case 1 -> NODES.numberNode(Long.MIN_VALUE);
            case 2 -> NODES.numberNode(-1);
            case 3 -> NODES.numberNode(0);
            case 4 -> NODES.numberNode(0.5);
            case 5 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 6 -> NODES.numberNode(new java.math.BigDecimal("-1e-400"));
            case 7 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
            case 8 -> NODES.numberNode(1e20);
            case 9 -> NODES.textNode(pick(random, "NaN", "Infinity", "-Infinity", "1e999", "0x10", "٣"));
            case 10 -> NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(900)));
            default -> NODES.numberNode(random.nextInt());
        };
    }

    /**
     * A string meant to trip decoders: empty, blank, huge, control characters, unicode of every
     * plane, right-to-left marks, near-UUIDs and near-timestamps. {@code wireSafe} leaves out lone
     * surrogates, which a WebSocket client cannot encode as UTF-8.
     */
    public static String weirdString(Random random, boolean wireSafe) {
        return switch (random.nextInt(14)) {
            case 0 -> "";
            case 1 -> " \t\n ";
            case 2 -> "x".repeat(10_001);
            case 3 -> "é".repeat(random.nextInt(30_000));
            case 4 -> "\u0000\u0001\u001f\u007f";
            case 5 -> "🔥💥" + "\u202e" + "\u200b" + "e\u0301" + "中文" + "𝔘𝔫𝔦𝔠𝔬𝔡𝔢";
            case 6 -> wireSafe ? "\ud83d\udd25" : pick(random, "\ud800", "\udfff", "x\ud800y");
            case 7 -> pick(random, "00000000-0000-0000-0000-000000000000", "not-a-uuid", UUID.randomUUID().toString().toUpperCase(),
                    "{" + UUID.randomUUID() + "}", UUID.randomUUID().toString().replace("-", ""));
            case 8 -> pick(random, "2026-13-40T25:61:00Z", "yesterday", "+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                    "1970-01-01T00:00:00Z", "2026-11-29T15:04:05.123+25:00", "9999999999999999999");
            case 9 -> pick(random, "SEV0", "sev1", "LEGAL", "incident_commander ", "facilitator", "closed", "DONE", "all", "root");
            case 10 -> "<script>alert(1)</script>' OR 1=1 --";
            case 11 -> "${jndi:ldap://x}%s%n{{7*7}}";
            case 12 -> randomText(random, 1 + random.nextInt(200), wireSafe);
            default -> "\"\\\"quoted\\\"\"";
        };
    }

    /** Random characters of any kind (including surrogate halves unless {@code wireSafe}). */
    public static String randomText(Random random, int length, boolean wireSafe) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (kind < 7) {
                text.append((char) random.nextInt(0x20));
            } else if (kind < 9) {
                int cp = random.nextInt(0x10FFFF);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                }
                text.appendCodePoint(cp);
            } else if (!wireSafe) {
                text.append((char) (0xD800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    /** Any JSON value, nested up to {@code depth}. */
    public static JsonNode randomJson(Random random, int depth, boolean wireSafe) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> weirdNumber(random);
            case 3 -> NODES.textNode(weirdString(random, wireSafe));
            case 4 -> NODES.textNode(randomText(random, random.nextInt(20), wireSafe));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(random, depth - 1, wireSafe));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(random.nextBoolean() ? unknownFieldName(random) : randomText(random, 5, wireSafe),
                            randomJson(random, depth - 1, wireSafe));
                }
                yield object;
            }
        };
    }

    /** Objects or arrays nested {@code depth} deep. */
    public static JsonNode nested(Random random, int depth) {
        JsonNode inner = NODES.textNode("core");
        for (int i = 0; i < depth; i++) {
            inner = random.nextBoolean() ? NODES.objectNode().set("a", inner) : NODES.arrayNode().add(inner);
        }
        return inner;
    }

    /**
     * Mutates text at the character level: deletes, duplicates, swaps or injects runs, truncates,
     * flips single characters; one to four edits.
     */
    public static String mutateText(String text, Random random, boolean wireSafe) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int length = out.length();
            int at = length == 0 ? 0 : random.nextInt(length);
            int span = Math.min(length - at, 1 + random.nextInt(12));
            switch (random.nextInt(7)) {
                case 0 -> out.delete(at, at + span);
                case 1 -> out.insert(at, out.substring(at, at + span));
                case 2 -> out.insert(at, randomText(random, 1 + random.nextInt(6), wireSafe));
                case 3 -> out.setLength(at);
                case 4 -> {
                    if (length > 0) {
                        out.setCharAt(at, pick(random, '{', '}', '[', ']', '"', ',', ':', '\\', '0', 'e', '-', ' '));
                    }
                }
                case 5 -> {
                    int other = length == 0 ? 0 : random.nextInt(length);
                    int otherSpan = Math.min(length - other, span);
                    if (other + otherSpan <= at || at + span <= other) {
                        String a = out.substring(at, at + span);
                        String b = out.substring(other, other + otherSpan);
                        if (at < other) {
                            out.replace(other, other + otherSpan, a).replace(at, at + span, b);
                        } else {
                            out.replace(at, at + span, b).replace(other, other + otherSpan, a);
                        }
                    }
                }
                default -> out.insert(at, pick(random, "null", "true", "[]", "{}", "\"\"", "1e999", "-0", "\\u0000", "\\ud800"));
            }
        }
        return wireSafe ? wireSafe(out.toString()) : out.toString();
    }

    /** Replaces unpaired surrogates (a character-level edit may split a pair) so the text encodes as UTF-8. */
    public static String wireSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @SafeVarargs
    public static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
