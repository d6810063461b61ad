package io.sitroom.exercise;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.sitroom.comms.CommsEvent;
import io.sitroom.comms.Statement;
import io.sitroom.comms.StatementApproval;
import io.sitroom.crypto.Sha256;
import io.sitroom.decision.Decision;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.room.CommandEnvelope;
import io.sitroom.room.CommandHandler;
import io.sitroom.room.CommandResult;
import io.sitroom.room.EventLog;
import io.sitroom.room.EventView;
import io.sitroom.playbook.PlaybookViews;
import io.sitroom.room.HashChain;
import io.sitroom.room.Member;
import io.sitroom.room.RecordedEvent;
import io.sitroom.room.RoomService;

/**
 * The after-action report of an exercise: its facilitator's, and every member's once released (a
 * player's as {@link AfterActionReport.Reader} says); its improvement plan turned into action items.
 */
@ApplicationScoped
public class ReportService {

    private final RoomService rooms;
    private final ExerciseFeature exercises;
    private final CommandHandler commands;
    private final Clock clock;
    private final EventLog log;
    private final FeedbackFeature feedback;

    public ReportService(RoomService rooms, ExerciseFeature exercises, CommandHandler commands, Clock clock, EventLog log,
            FeedbackFeature feedback) {
        this.log = log;
        this.feedback = feedback;
        this.rooms = rooms;
        this.exercises = exercises;
        this.commands = commands;
        this.clock = clock;
    }

    public record PlannedAction(String rowId, CommandResult result) {
    }

    /**
     * The report as a member may read it: the facilitator all of it at any time; anyone else once the
     * facilitator released it ({@code report.release}), without what stays the facilitator's.
     */
    @Transactional
    public AfterActionReport report(UUID roomId, UUID userId) {
        Member me = rooms.requireMember(roomId, userId);
        Exercise exercise = Exercise.findById(roomId);
        if (exercise == null) {
            throw SitroomException.notFound("this room is not an exercise");
        }
        AfterActionReport.Reader reader;
        if (me.holds(Role.FACILITATOR)) {
            reader = AfterActionReport.Reader.FACILITATOR;
        } else if (exercise.reportReleasedAt != null) {
            reader = AfterActionReport.Reader.player(me.roles());
        } else {
            throw SitroomException.forbidden("the after-action report is the facilitator's until they release it");
        }
        return build(exercise, reader);
    }

    /**
     * The released report as a reader who holds every player role reads it, for a debrief link: null
     * until the facilitator released it. Never the facilitator's reading, so nothing that stays theirs.
     */
    @Transactional
    public AfterActionReport released(UUID roomId) {
        Exercise exercise = Exercise.findById(roomId);
        if (exercise == null || exercise.reportReleasedAt == null) {
            return null;
        }
        java.util.EnumSet<Role> players = java.util.EnumSet.allOf(Role.class);
        players.remove(Role.FACILITATOR);
        return build(exercise, AfterActionReport.Reader.player(players));
    }

    private AfterActionReport build(Exercise exercise, AfterActionReport.Reader reader) {
        UUID roomId = exercise.roomId;
        Scenario scenario = exercises.script(exercise, exercise.state());
        return AfterActionReport.build(roomId, exercise, scenario, exercise.clock().elapsedMs(clock.instant()), facts(roomId),
                exercise.startedAt == null ? null : HashChain.formatTime(exercise.startedAt),
                exercise.endedAt == null ? null : HashChain.formatTime(exercise.endedAt), reader)
                .withChecklist(PlaybookViews.checklistOf(roomId))
                .withFeedback(feedback.summary(exercise, reader.whole()));
    }

    /** Creates an action item for each row of the improvement plan, owned by the row's role; asking again creates none twice. */
    public List<PlannedAction> createPlanActions(UUID roomId, UUID userId) {
        if (!rooms.requireMember(roomId, userId).holds(Role.FACILITATOR)) {
            throw SitroomException.forbidden("only the facilitator may turn the improvement plan into actions");
        }
        AfterActionReport report = report(roomId, userId);
        List<PlannedAction> created = new ArrayList<>();
        for (AfterActionReport.PlanRow row : report.improvementPlan()) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("title", "Improvement: " + row.recommendation());
            data.put("ownerRole", row.ownerRole());
            data.put("dueAt", clock.instant().plus(Duration.ofDays(30)).toString());
            String commandId = "aar-" + Sha256.hex(roomId + "/" + row.id()).substring(0, 32);
            created.add(new PlannedAction(row.id(), commands.handle(roomId, userId, new CommandEnvelope(commandId, "action.create", data))));
        }
        return created;
    }

    private AfterActionReport.Facts facts(UUID roomId) {
        Map<String, ExpectationRecord> expectations = new HashMap<>();
        ExpectationRecord.<ExpectationRecord> list("roomId", roomId).forEach(e -> expectations.put(e.expectationId, e));
        Map<String, Long> deliveredSeqs = new HashMap<>();
        DeliveredInject.<DeliveredInject> list("roomId", roomId).forEach(d -> deliveredSeqs.put(d.injectId, d.seq));
        List<AfterActionReport.DecisionFact> decisions = Decision.ofRoom(roomId).stream()
                .map(d -> new AfterActionReport.DecisionFact(d.proposedSeq, d.title, d.approvers, d.rationale,
                        d.options == null ? 0 : EventView.parseData(d.options).size(), d.status.wire()))
                .toList();
        List<AfterActionReport.StatementFact> statements = new ArrayList<>();
        for (Statement s : Statement.<Statement> list("roomId", roomId)) {
            boolean legal = StatementApproval.count("statementId = ?1 and role = ?2", s.id, Role.LEGAL.wire()) > 0;
            statements.add(new AfterActionReport.StatementFact(s.current().seq, s.current().title, legal, s.publishedVersion != null));
        }
        List<Long> ackOverdue = log.allOf(roomId, CommsEvent.AckOverdue.class).stream().map(RecordedEvent::seq).toList();
        Map<String, AfterActionReport.Response> firstResponses = new HashMap<>();
        for (RecordedEvent e : log.allOf(roomId, ExerciseEvent.InjectResponded.class)) {
            if (e.payload() instanceof ExerciseEvent.InjectResponded response && e.actor() != null) {
                for (Role role : e.actor().roles()) {
                    firstResponses.putIfAbsent(response.injectId() + "/" + role.wire(),
                            new AfterActionReport.Response(HashChain.formatTime(e.at()), e.actor().displayName()));
                }
            }
        }
        return new AfterActionReport.Facts(expectations, deliveredSeqs, decisions, statements, ackOverdue, firstResponses,
                improvised(roomId));
    }

    /** What the facilitator improvised, in the order it happened. */
    private List<AfterActionReport.Improvised> improvised(UUID roomId) {
        List<RecordedEvent> changes = new ArrayList<>();
        changes.addAll(log.allOf(roomId, ExerciseEvent.InjectAdded.class));
        changes.addAll(log.allOf(roomId, ExerciseEvent.InjectEdited.class));
        changes.addAll(log.allOf(roomId, ExerciseEvent.InjectDropped.class));
        changes.addAll(log.allOf(roomId, ExerciseEvent.InjectMoved.class));
        changes.sort(java.util.Comparator.comparingLong(RecordedEvent::seq));
        List<AfterActionReport.Improvised> improvised = new ArrayList<>();
        for (RecordedEvent e : changes) {
            String by = e.actor() == null ? null : e.actor().displayName();
            AfterActionReport.Improvised row = null;
            if (e.payload() instanceof ExerciseEvent.InjectAdded a) {
                row = new AfterActionReport.Improvised(e.seq(), "added", a.injectId(), a.title(), a.scenarioMs(), a.atMs(), by);
            } else if (e.payload() instanceof ExerciseEvent.InjectEdited edited) {
                row = new AfterActionReport.Improvised(e.seq(), "edited", edited.injectId(), edited.title(), edited.scenarioMs(), null, by);
            } else if (e.payload() instanceof ExerciseEvent.InjectDropped d) {
                row = new AfterActionReport.Improvised(e.seq(), "dropped", d.injectId(), null, d.scenarioMs(), null, by);
            } else if (e.payload() instanceof ExerciseEvent.InjectMoved m) {
                row = new AfterActionReport.Improvised(e.seq(), "moved", m.injectId(), null, m.scenarioMs(), m.atMs(), by);
            }
            if (row != null) {
                improvised.add(row);
            }
        }
        return improvised;
    }

}
