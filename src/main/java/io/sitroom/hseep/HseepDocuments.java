package io.sitroom.hseep;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.sitroom.error.SitroomException;
import io.sitroom.exercise.AfterActionReport;
import io.sitroom.exercise.Exercise;
import io.sitroom.exercise.ExerciseFeature;
import io.sitroom.exercise.ExerciseStatus;
import io.sitroom.exercise.ReportService;
import io.sitroom.exercise.Scenario;
import io.sitroom.exercise.ScenarioCatalog;
import io.sitroom.room.HashChain;
import io.sitroom.room.Member;
import io.sitroom.room.RoomService;
import io.sitroom.role.Role;

/**
 * The HSEEP documents as printable HTML (Qute) and PDF: the Situation Manual (players), the
 * Controller/Evaluator Handbook and the Exercise Evaluation Guides (facilitators), and the After-Action
 * Report/Improvement Plan of an ended exercise (its facilitator, every member once released).
 */
@ApplicationScoped
public class HseepDocuments {

    /** The documents, by the name in their URL. */
    public enum Kind {
        SITMAN, HANDBOOK, EEG, AAR_IP;

        public static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.name().replace('_', '-').toLowerCase(Locale.ROOT).equals(name)) {
                    return kind;
                }
            }
            throw SitroomException.notFound("no document '" + name + "'; sitman, handbook, eeg or aar-ip");
        }
    }

    /** A document in one format. */
    public record Rendered(byte[] body, String mediaType, String filename) {
    }

    private final Template sitman;
    private final Template handbook;
    private final Template eeg;
    private final Template aarIp;
    private final ScenarioCatalog catalog;
    private final RoomService rooms;
    private final ExerciseFeature exercises;
    private final ReportService reports;
    private final Clock clock;

    public HseepDocuments(@Location("hseep/sitman.html") Template sitman, @Location("hseep/handbook.html") Template handbook,
            @Location("hseep/eeg.html") Template eeg, @Location("hseep/aar-ip.html") Template aarIp, ScenarioCatalog catalog,
            RoomService rooms, ExerciseFeature exercises, ReportService reports, Clock clock) {
        this.sitman = sitman;
        this.handbook = handbook;
        this.eeg = eeg;
        this.aarIp = aarIp;
        this.catalog = catalog;
        this.rooms = rooms;
        this.exercises = exercises;
        this.reports = reports;
        this.clock = clock;
    }

    /** A document of a scenario in the library (for accounts); the AAR/IP needs an exercise. */
    public Rendered ofScenario(String id, Integer version, Kind kind, boolean pdf) {
        if (kind == Kind.AAR_IP) {
            throw SitroomException.notFound("an after-action report is an exercise's: GET /api/exercises/{roomId}/documents/aar-ip.html");
        }
        ScenarioCatalog.Entry entry = (version == null ? catalog.current(id) : catalog.version(id, version))
                .orElseThrow(() -> SitroomException.notFound("no scenario '" + id + "'"));
        return render(scenarioDocument(kind, header(entry.scenario(), entry.version(), null), entry.scenario()), kind, id, pdf);
    }

    /**
     * A document of an exercise, from the scenario version it copied: the Situation Manual for every
     * member; the handbook and guides for its facilitator; the AAR/IP once it ended, for its facilitator
     * and, once released, for every member (cut to what they may read).
     */
    @Transactional
    public Rendered ofExercise(UUID roomId, UUID userId, Kind kind, boolean pdf) {
        Member me = rooms.requireMember(roomId, userId);
        Exercise exercise = Exercise.findById(roomId);
        if (exercise == null) {
            throw SitroomException.notFound("this room is not an exercise");
        }
        if ((kind == Kind.HANDBOOK || kind == Kind.EEG) && !me.holds(Role.FACILITATOR)) {
            throw SitroomException.forbidden("the " + (kind == Kind.EEG ? "evaluation guides are" : "handbook is") + " the facilitator's");
        }
        Scenario scenario = exercises.scenario(exercise);
        int version = exercise.scenarioVersion == null ? 0 : exercise.scenarioVersion;
        HseepModel.Header header = header(scenario, version, roomId.toString());
        String name = "exercise-" + roomId.toString().substring(0, 8);
        if (kind != Kind.AAR_IP) {
            return render(scenarioDocument(kind, header, scenario), kind, name, pdf);
        }
        if (exercise.status != ExerciseStatus.ENDED) {
            throw SitroomException.conflict("the after-action report is written once the exercise has ended");
        }
        AfterActionReport report = reports.report(roomId, userId);
        return render(aarIp.data("report", report).data("header", header).render(), kind, name, pdf);
    }

    private String scenarioDocument(Kind kind, HseepModel.Header header, Scenario scenario) {
        return switch (kind) {
            case SITMAN -> sitman.data("doc", HseepModel.situationManual(header, scenario)).render();
            case HANDBOOK -> handbook.data("doc", HseepModel.handbook(header, scenario)).render();
            case EEG -> eeg.data("doc", HseepModel.evaluationGuides(header, scenario)).render();
            case AAR_IP -> throw new IllegalArgumentException("the AAR/IP is an exercise's");
        };
    }

    private HseepModel.Header header(Scenario scenario, int version, String exercise) {
        return new HseepModel.Header(scenario.id(), scenario.title(), version, exercise, HashChain.formatTime(clock.instant()));
    }

    private static Rendered render(String html, Kind kind, String name, boolean pdf) {
        String filename = name + "-" + kind.name().replace('_', '-').toLowerCase(Locale.ROOT);
        if (pdf) {
            return new Rendered(Pdf.of(html), "application/pdf", filename + ".pdf");
        }
        return new Rendered(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/html; charset=utf-8", filename + ".html");
    }
}
