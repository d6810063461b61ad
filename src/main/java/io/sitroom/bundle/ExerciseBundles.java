package io.sitroom.bundle;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.audit.AuditLog;
import io.sitroom.clock.WireTime;
import io.sitroom.crypto.Sha256;
import io.sitroom.error.SitroomException;
import io.sitroom.exercise.Exercise;
import io.sitroom.exercise.ExerciseStatus;
import io.sitroom.exercise.FeedbackService;
import io.sitroom.exercise.ReportService;
import io.sitroom.exercise.ScenarioCatalog;
import io.sitroom.exercise.ScenarioError;
import io.sitroom.exercise.ScenarioLinter;
import io.sitroom.exercise.ScenarioParser;
import io.sitroom.exercise.ScenarioValidator;
import io.sitroom.exercise.ScenarioVersion;
import io.sitroom.retro.ExportService;
import io.sitroom.retro.RoomExport;
import io.sitroom.role.Role;
import io.sitroom.room.Member;
import io.sitroom.room.Room;
import io.sitroom.room.RoomKind;
import io.sitroom.room.RoomService;
import io.sitroom.security.Caller;
import io.sitroom.verify.ExportVerifier;

/**
 * Exercise bundles (docs/protocol.md, "Exercise bundles"): an exercise's scenario version, verifiable
 * export, after-action report and hot-wash feedback as one zip, exported by its facilitator and
 * imported elsewhere after every part was checked against the manifest and the chain verified.
 * A bundle holds what only the facilitator sees (script, expectations, notes), so only the importer
 * and admins read an archive.
 */
@ApplicationScoped
public class ExerciseBundles {

    private static final Logger LOG = Logger.getLogger(ExerciseBundles.class);

    private final RoomService rooms;
    private final ExportService exports;
    private final ReportService reports;
    private final FeedbackService feedback;
    private final ScenarioCatalog catalog;
    private final ScenarioValidator validator;
    private final ObjectMapper json;
    private final BundleConfig config;
    private final AuditLog audit;
    private final Clock clock;

    public ExerciseBundles(RoomService rooms, ExportService exports, ReportService reports, FeedbackService feedback, ScenarioCatalog catalog,
            ScenarioValidator validator, ObjectMapper json, BundleConfig config, AuditLog audit, Clock clock) {
        this.rooms = rooms;
        this.exports = exports;
        this.reports = reports;
        this.feedback = feedback;
        this.catalog = catalog;
        this.validator = validator;
        this.json = json;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** A bundle to download: its file name and the zip. */
    public record Exported(String fileName, byte[] zip) {
    }

    /** Where the imported scenario text is on this server; {@code reused} when that exact text was already here. */
    public record ScenarioHere(String id, int version, boolean reused) {
    }

    public record Imported(UUID archiveId, ScenarioHere scenario, UUID sourceRoomId, String title, long headSeq, String headHash) {
    }

    /** An archive as listed (without its zip, which a list never loads): the manifest's facts, and where its scenario is here. */
    public record ArchiveSummary(UUID id, UUID sourceRoomId, String title, String status, ScenarioHere scenario, int sourceScenarioVersion,
            long headSeq, String headHash, String source, String exportedAt, UUID importedBy, String importedAt) {

        static ArchiveSummary of(ArchivedExercise a) {
            return new ArchiveSummary(a.id, a.sourceRoomId, a.title, a.status, new ScenarioHere(a.scenarioId, a.scenarioVersion, false),
                    a.sourceScenarioVersion, a.headSeq, a.headHash, a.source, WireTime.format(a.exportedAt), a.importedBy,
                    WireTime.format(a.importedAt));
        }
    }

    /** One archive: its facts, the manifest as exported, and the after-action report as Markdown. */
    public record ArchiveView(ArchiveSummary archive, BundleManifest manifest, String report) {
    }

    /**
     * The bundle of an exercise room, for its facilitator: 404 for a non-member, 409 for an incident
     * room, 403 for anyone else in the exercise. {@code source} is this server's base URL, or null.
     */
    @Transactional
    public Exported export(UUID roomId, UUID userId, String source) {
        Member me = rooms.requireMember(roomId, userId);
        Room room = Room.findById(roomId);
        Exercise exercise = Exercise.findById(roomId);
        if (room.kind != RoomKind.EXERCISE || exercise == null) {
            throw SitroomException.conflict("this room is an incident, not an exercise: only an exercise has a bundle (an incident's record is "
                    + "GET /api/rooms/{id}/export)");
        }
        if (!me.holds(Role.FACILITATOR)) {
            throw SitroomException.forbidden("only the facilitator exports an exercise bundle: it holds the script, the expectations and "
                    + "the facilitator's notes");
        }
        RoomExport export = exports.export(roomId, userId);
        String report = reports.report(roomId, userId).toMarkdown();
        FeedbackService.FeedbackView answers = feedback.view(roomId, userId);
        Instant now = clock.instant();
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, BundleManifest.VERSION, WireTime.format(now), source, roomId,
                room.title, exercise.status.wire(),
                new BundleManifest.ScenarioRef(exercise.scenarioId, exercise.scenarioVersion == null ? 0 : exercise.scenarioVersion,
                        Sha256.hex(exercise.scenarioYaml)),
                // The export's own head, not the room's: events may have been appended since the export read the log.
                new BundleManifest.Head(export.chain().headSeq(), export.chain().headHash()));
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try {
            parts.put(BundleZip.MANIFEST, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            parts.put(BundleZip.SCENARIO, exercise.scenarioYaml.getBytes(StandardCharsets.UTF_8));
            parts.put(BundleZip.EXPORT, json.writeValueAsBytes(export));
            parts.put(BundleZip.REPORT, report.getBytes(StandardCharsets.UTF_8));
            parts.put(BundleZip.FEEDBACK, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(answers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bundle's parts are records the mapper writes", e);
        }
        audit.record(me.userId(), me.displayName(), "exercise.bundle_export", "room " + roomId, "head " + manifest.head().seq());
        String date = now.atZone(ZoneOffset.UTC).toLocalDate().toString();
        return new Exported("sitroom-exercise-" + slug(room.title) + "-" + date + ".zip", BundleZip.write(parts, now));
    }

    /** A file-name-safe form of a title: lower-case letters, digits and single dashes, at most 40 characters. */
    static String slug(String title) {
        String slug = java.text.Normalizer.normalize(title == null ? "" : title, java.text.Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "exercise" : slug;
    }

    /**
     * Imports a bundle after verifying all of it (docs/protocol.md): nothing is stored unless the manifest
     * is well-formed and of a known version, the scenario text has the manifest's hash and is fit to play,
     * and the export's chain and checkpoints verify and end at the manifest's head. The scenario text then
     * becomes an uploaded version of its id (or the version that already has that very text).
     *
     * @throws BundleRejected naming the part that failed
     */
    @Transactional
    public Imported importBundle(Caller caller, byte[] zip) {
        // An import parses and lints a whole scenario, as an upload does, and verifies a whole chain besides.
        validator.admit(caller.userId());
        Map<String, String> parts = BundleZip.read(zip, config.maxUnpackedSize());
        BundleManifest manifest = BundleManifest.read(jsonOf(BundleZip.MANIFEST, parts.get(BundleZip.MANIFEST)));
        checkFits(manifest);
        String yaml = parts.get(BundleZip.SCENARIO);
        checkScenario(manifest, yaml);
        checkExport(manifest, parts.get(BundleZip.EXPORT));
        if (!jsonOf(BundleZip.FEEDBACK, parts.get(BundleZip.FEEDBACK)).isObject()) {
            throw new BundleRejected(BundleZip.FEEDBACK, "is not a JSON object");
        }
        ScenarioHere here = scenarioHere(caller.userId(), manifest.scenario().id(), yaml);
        ArchivedExercise archive = new ArchivedExercise();
        archive.id = UUID.randomUUID();
        archive.sourceRoomId = manifest.roomId();
        archive.title = manifest.title();
        archive.status = manifest.status();
        archive.scenarioId = here.id();
        archive.scenarioVersion = here.version();
        archive.sourceScenarioVersion = manifest.scenario().version();
        archive.headSeq = manifest.head().seq();
        archive.headHash = manifest.head().hash();
        archive.source = manifest.source();
        archive.exportedAt = Instant.parse(manifest.exportedAt());
        archive.importedBy = caller.userId();
        archive.importedAt = clock.instant();
        archive.zip = zip.clone();
        archive.persist();
        audit.record(caller.userId(), caller.displayName(), "exercise.bundle_import", "archive " + archive.id,
                "room " + manifest.roomId() + " head " + manifest.head().seq() + ", scenario " + here.id() + "@" + here.version());
        LOG.infof("exercise bundle of room %s imported as archive %s (scenario '%s' version %d)", manifest.roomId(), archive.id, here.id(),
                here.version());
        return new Imported(archive.id, here, manifest.roomId(), manifest.title(), manifest.head().seq(), manifest.head().hash());
    }

    /** What the columns hold, checked here so that an odd manifest is a 400, never a failed insert. */
    private static void checkFits(BundleManifest manifest) {
        if (manifest.title().isBlank() || manifest.title().length() > 200) {
            throw new BundleRejected(BundleZip.MANIFEST, "title must be 1 to 200 characters");
        }
        if (Arrays.stream(ExerciseStatus.values()).noneMatch(s -> s.wire().equals(manifest.status()))) {
            throw new BundleRejected(BundleZip.MANIFEST, "status must be ready, running, paused or ended");
        }
        if (manifest.source() != null && manifest.source().length() > 500) {
            throw new BundleRejected(BundleZip.MANIFEST, "source is longer than 500 characters");
        }
    }

    private static void checkScenario(BundleManifest manifest, String yaml) {
        if (!Sha256.hex(yaml).equals(manifest.scenario().sha256())) {
            throw new BundleRejected(BundleZip.SCENARIO, "its SHA-256 is not the one bundle.json names: the text was changed after export");
        }
        List<ScenarioError> errors = ScenarioLinter.validate(BundleZip.SCENARIO, yaml);
        if (!errors.isEmpty()) {
            throw new BundleRejected(BundleZip.SCENARIO, "is not a scenario fit to play: " + errors.size() + " error(s); the first: " + errors.get(0));
        }
        String id = ScenarioParser.parse(BundleZip.SCENARIO, yaml).scenario().id();
        if (!id.equals(manifest.scenario().id())) {
            throw new BundleRejected(BundleZip.SCENARIO, "is scenario '" + id + "', not '" + manifest.scenario().id() + "' as bundle.json says");
        }
    }

    private void checkExport(BundleManifest manifest, String text) {
        ExportVerifier.Result result;
        try {
            result = ExportVerifier.verify(text);
        } catch (IllegalArgumentException e) {
            throw new BundleRejected(BundleZip.EXPORT, "is not a room export the verifier can read: " + e.getMessage());
        }
        if (!result.ok()) {
            throw new BundleRejected(BundleZip.EXPORT, "does not verify: broken at seq " + result.firstBadSeq() + ": " + result.reason());
        }
        if (result.events() != manifest.head().seq() || !result.headHash().equals(manifest.head().hash())) {
            throw new BundleRejected(BundleZip.EXPORT, "its chain ends at seq " + result.events() + " (" + result.headHash()
                    + "), not at the head bundle.json names (seq " + manifest.head().seq() + ", " + manifest.head().hash() + ")");
        }
        String roomId = jsonOf(BundleZip.EXPORT, text).path("room").path("id").asText();
        if (!roomId.equals(manifest.roomId().toString())) {
            throw new BundleRejected(BundleZip.EXPORT, "is the export of room " + roomId + ", not of room " + manifest.roomId() + " as bundle.json says");
        }
    }

    private JsonNode jsonOf(String part, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BundleRejected(part, "is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The file or upload that has exactly this text, else a new upload of it (the catalog numbers it). */
    private ScenarioHere scenarioHere(UUID by, String id, String yaml) {
        if (catalog.version(id, 0).filter(file -> file.text().equals(yaml)).isPresent()) {
            return new ScenarioHere(id, 0, true);
        }
        for (ScenarioVersion upload : catalog.uploads(id)) {
            if (upload.yaml.equals(yaml)) {
                return new ScenarioHere(id, upload.version, true);
            }
        }
        ScenarioCatalog.Uploaded uploaded = catalog.upload(by, yaml);
        return new ScenarioHere(uploaded.id(), uploaded.version(), false);
    }

    /** The archives a caller may read: their own imports, every one for an admin; newest first. */
    @Transactional
    public List<ArchiveSummary> list(Caller caller) {
        List<ArchivedExercise> archives = caller.admin() ? ArchivedExercise.list("order by importedAt desc, id")
                : ArchivedExercise.list("importedBy = ?1 order by importedAt desc, id", caller.userId());
        return archives.stream().map(ArchiveSummary::of).toList();
    }

    @Transactional
    public ArchiveView get(Caller caller, UUID id) {
        ArchivedExercise archive = readable(caller, id);
        Map<String, String> parts = BundleZip.read(archive.zip, Long.MAX_VALUE);
        return new ArchiveView(ArchiveSummary.of(archive),
                BundleManifest.read(jsonOf(BundleZip.MANIFEST, parts.get(BundleZip.MANIFEST))), parts.get(BundleZip.REPORT));
    }

    /** The stored zip, byte for byte as it was imported. */
    @Transactional
    public Exported zip(Caller caller, UUID id) {
        ArchivedExercise archive = readable(caller, id);
        String date = archive.exportedAt.atZone(ZoneOffset.UTC).toLocalDate().toString();
        return new Exported("sitroom-exercise-" + slug(archive.title) + "-" + date + ".zip", archive.zip);
    }

    /** Someone else's archive is answered as if it did not exist: a bundle holds the facilitator's material. */
    private static ArchivedExercise readable(Caller caller, UUID id) {
        ArchivedExercise archive = ArchivedExercise.findById(id);
        if (archive == null || !(caller.admin() || archive.importedBy.equals(caller.userId()))) {
            throw SitroomException.notFound("no exercise archive " + id);
        }
        return archive;
    }
}
