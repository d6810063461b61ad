package io.sitroom.bundle;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code bundle.json}: what an exercise bundle holds, and the two hashes that tie its parts together
 * (the scenario text's SHA-256 and the chain's head), so that an importer can check the parts against
 * it before storing anything. {@code source} is the exporting server's base URL when it was known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(String format, int version, String exportedAt, String source, UUID roomId, String title, String status,
        ScenarioRef scenario, Head head) {

    public static final String FORMAT = "sitroom-exercise-bundle";
    public static final int VERSION = 1;

    /** The scenario version the exercise started from, as numbered on the exporting server (0: a shipped or folder file). */
    public record ScenarioRef(String id, int version, String sha256) {
    }

    /** The chain's head when the bundle was exported: the last seq and its hash. */
    public record Head(long seq, String hash) {
    }

    /**
     * Reads a manifest field by field, so that a refusal names the field.
     *
     * @throws BundleRejected when a field is missing or of the wrong type, or the format or version is not this one
     */
    static BundleManifest read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw refused("is not a JSON object");
        }
        String format = text(json, "format");
        if (!format.equals(FORMAT)) {
            throw refused("format is '" + format + "', not " + FORMAT);
        }
        JsonNode version = json.get("version");
        if (version == null || !version.isInt()) {
            throw refused("version must be an integer");
        }
        if (version.intValue() != VERSION) {
            throw refused("version " + version.intValue() + " is not known here (this server reads version " + VERSION + ")");
        }
        String exportedAt = text(json, "exportedAt");
        try {
            Instant.parse(exportedAt);
        } catch (DateTimeParseException e) {
            throw refused("exportedAt is not an ISO-8601 instant");
        }
        JsonNode source = json.get("source");
        if (source != null && !source.isNull() && !source.isTextual()) {
            throw refused("source must be a string");
        }
        UUID roomId;
        try {
            roomId = UUID.fromString(text(json, "roomId"));
        } catch (IllegalArgumentException e) {
            throw refused("roomId is not a UUID");
        }
        JsonNode scenario = object(json, "scenario");
        JsonNode head = object(json, "head");
        JsonNode scenarioVersion = scenario.get("version");
        if (scenarioVersion == null || !scenarioVersion.isInt() || scenarioVersion.intValue() < 0) {
            throw refused("scenario.version must be an integer of 0 or more");
        }
        JsonNode seq = head.get("seq");
        if (seq == null || !seq.canConvertToExactIntegral() || !seq.canConvertToLong() || seq.longValue() < 0) {
            throw refused("head.seq must be an integer of 0 or more");
        }
        return new BundleManifest(format, VERSION, exportedAt, source == null || source.isNull() ? null : source.textValue(), roomId,
                text(json, "title"), text(json, "status"),
                new ScenarioRef(text(scenario, "id"), scenarioVersion.intValue(), sha256(scenario, "scenario.sha256")),
                new Head(seq.longValue(), sha256(head, "head.hash")));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw refused(field + " must be a string");
        }
        return value.textValue();
    }

    private static JsonNode object(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isObject()) {
            throw refused(field + " must be an object");
        }
        return value;
    }

    private static String sha256(JsonNode json, String path) {
        JsonNode value = json.get(path.substring(path.indexOf('.') + 1));
        if (value == null || !value.isTextual() || !value.textValue().matches("[0-9a-f]{64}")) {
            throw refused(path + " must be 64 lower-case hex digits");
        }
        return value.textValue();
    }

    private static BundleRejected refused(String what) {
        return new BundleRejected(BundleZip.MANIFEST, what);
    }
}
