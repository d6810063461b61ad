package io.sitroom.retro;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;


import io.sitroom.action.ActionView;
import io.sitroom.playbook.PlaybookViews;
import io.sitroom.comms.CommsViews.AckView;
import io.sitroom.comms.CommsViews.StatementView;
import io.sitroom.decision.DecisionView;
import io.sitroom.metrics.RoomMetrics;
import io.sitroom.proof.RoleChange;
import io.sitroom.room.EventView;
import io.sitroom.room.RoomSnapshot;

/**
 * What the Markdown and HTML retrospectives show, as plain values. Built from a {@link RoomExport} by
 * {@link #from}, a pure function, so that the templates only lay it out: each piece of user text
 * reaches a template as one value, which the template escapes for its format and which therefore
 * cannot add a heading, a row or an element to the document.
 */
public record ExportDocument(String title, String kind, String severity, String phase, String openedAt, String exportedAt,
        String exportedBy, List<Metric> metrics, List<RoleRow> roles, List<DecisionEntry> decisions, List<StatementEntry> statements,
        List<ActionRow> actions, List<AckEntry> acks, List<String> lessons, List<TimelineRow> timeline, ChainSummary chain,
        String incidentType, List<ChecklistRow> checklist, List<FieldRow> fields) {

    /** A checklist item: {@code outcome} says done (and whether late), skipped with its reason, or still open (and whether overdue). */
    public record ChecklistRow(String phase, String text, String owner, String due, String outcome, String by, String at) {
    }

    public record FieldRow(String label, String value) {
    }

    /** The metrics that repeat the room's own fields, already in the header. */
    /** The event data fields that say best what an event was about, in order of preference. */
    private static final int BRIEF_LENGTH = 120;

    public record Metric(String name, String value) {
    }

    public record RoleRow(long seq, String at, String change, String who, String by) {
    }

    /** {@code supersedes} and {@code supersededBy} are null when there is none. */
    public record DecisionEntry(String title, String status, String choice, String rationale, String proposedBy, String proposedAt,
            String approvers, List<Approval> approvals, List<Dissent> dissent, String supersedes, String supersededBy) {
    }

    public record Approval(String by, String roles, String at) {
    }

    /** {@code comment} is null when the dissenter gave none. */
    public record Dissent(String by, String comment) {
    }

    /** {@code publishedVersion} is null until a version went out. */
    public record StatementEntry(String title, int version, String status, String textHash, Integer publishedVersion) {
    }

    public record ActionRow(String title, String owner, String due, boolean overdue, String status, String risk) {
    }

    /** {@code pending} is empty once every role answered. */
    public record AckEntry(long about, String roles, String pending, boolean overdue) {
    }

    /** {@code brief} is empty when the event has no short text. */
    public record TimelineRow(long seq, String at, String kind, String brief, String by) {
    }

    /** {@code firstBadSeq} is null when the chain verified; {@code checkpoints} the room's signed heads (docs/evidence.md). */
    public record ChainSummary(long headSeq, String headHash, boolean verified, Long firstBadSeq, String algorithm, List<ChainRow> links,
            List<CheckpointRow> checkpoints) {
    }

    /**
     * A signed head: what a reader can check against {@code GET /api/keys} or with {@code verify --keys};
     * {@code witnesses} who countersigned it and when ("name at time").
     */
    public record CheckpointRow(long seq, String headHash, String at, String kid, List<String> witnesses) {
    }

    public record ChainRow(long seq, String hash, boolean redacted) {
    }

    /**
     * The snapshot's feature sections the document reads, by name, as the records their features put there: the
     * offline check reads a JSON export's sections back as these ({@link DocumentCheck}).
     */
    static final Map<String, Class<?>> SECTIONS = Map.of("decisions", DecisionView.class, "statements", StatementView.class, "actions",
            ActionView.class, "acks", AckView.class, "checklist", PlaybookViews.ItemView.class, "fields", PlaybookViews.FieldView.class,
            "playbook", PlaybookViews.TypeView.class);

    static ExportDocument from(RoomExport export) {
        RoomSnapshot room = export.room();
        return new ExportDocument(room.title(), String.valueOf(room.kind()), String.valueOf(room.severity()), String.valueOf(room.phase()),
                room.createdAt(), export.exportedAt(), export.exportedBy().displayName(), metrics(export.metrics()),
                export.roleHistory().stream().map(ExportDocument::role).toList(),
                section(room, "decisions", DecisionView.class).stream().map(ExportDocument::decision).toList(),
                section(room, "statements", StatementView.class).stream().map(ExportDocument::statement).toList(),
                section(room, "actions", ActionView.class).stream().map(ExportDocument::action).toList(),
                section(room, "acks", AckView.class).stream().map(ExportDocument::ack).toList(),
                List.copyOf(export.lessonsLearned()), timeline(export.chain()), chain(export.chain()), incidentType(room),
                section(room, "checklist", PlaybookViews.ItemView.class).stream().map(ExportDocument::checklistRow).toList(),
                section(room, "fields", PlaybookViews.FieldView.class).stream()
                        .map(f -> new FieldRow(f.label(), f.display().isEmpty() ? "(not set)" : f.display())).toList());
    }

    /** "Ransomware, version 1, file SHA-256 ab12..." or null for a room without a type. */
    private static String incidentType(RoomSnapshot room) {
        Object type = room.featureSections() == null ? null : room.featureSections().get("playbook");
        if (!(type instanceof PlaybookViews.TypeView t)) {
            return null;
        }
        return t.title() + " (" + t.typeId() + "), version " + t.version() + ", file SHA-256 " + t.sha256();
    }

    private static ChecklistRow checklistRow(PlaybookViews.ItemView i) {
        String outcome = switch (i.status()) {
            case "done" -> i.late() ? "done late" : "done";
            case "skipped" -> "skipped: " + i.skipReason();
            default -> i.overdue() ? "open, overdue" : "open";
        };
        if (i.note() != null) {
            outcome += " (" + i.note() + ")";
        }
        String owner = i.assigneeName() != null ? i.assigneeName() + " (" + i.ownerRole() + ")" : i.ownerRole() == null ? "" : i.ownerRole();
        return new ChecklistRow(i.phase(), i.text() + (i.decision() ? " [decision]" : ""), owner, i.dueAt() == null ? "" : i.dueAt(), outcome,
                i.doneByName() == null ? "" : i.doneByName(), i.doneAt() == null ? "" : i.doneAt());
    }

    /** The metrics that happened, as name/value rows in the order of the JSON export (the room's own fields are in the header). */
    static List<Metric> metrics(RoomMetrics m) {
        if (m == null) {
            return List.of();
        }
        List<Metric> rows = new ArrayList<>();
        row(rows, "severity", m.severity());
        row(rows, "phase", m.phase());
        row(rows, "openedAt", m.openedAt());
        row(rows, "closedAt", m.closedAt());
        row(rows, "timeToAcknowledgeSeconds", m.timeToAcknowledgeSeconds());
        row(rows, "timeToFirstExecutiveUpdateSeconds", m.timeToFirstExecutiveUpdateSeconds());
        row(rows, "timeToContainmentSeconds", m.timeToContainmentSeconds());
        row(rows, "decisionLatencySeconds", m.decisionLatencySeconds());
        row(rows, "overdueActions", m.overdueActions());
        row(rows, "openExceptions", m.openExceptions());
        row(rows, "oldestOpenExceptionAgeSeconds", m.oldestOpenExceptionAgeSeconds());
        row(rows, "meanTimeToCloseHighRiskActionsSeconds", m.meanTimeToCloseHighRiskActionsSeconds());
        RoomMetrics.ExerciseScore score = m.exerciseScore();
        if (score != null) {
            row(rows, "exerciseScore", "met " + score.met() + " of " + score.triggered()
                    + (score.score() == null ? "" : " (" + Math.round(score.score() * 100) + "%)")
                    + (score.endedAt() == null ? "" : ", ended " + score.endedAt()));
        }
        return rows;
    }

    private static void row(List<Metric> rows, String name, Object value) {
        if (value != null) {
            rows.add(new Metric(name, String.valueOf(value)));
        }
    }

    /**
     * A feature's section of the snapshot, as the view records that feature puts there. A section of
     * another shape is a bug in this code, not something to render half of: it fails the export.
     */
    static <T> List<T> section(RoomSnapshot room, String name, Class<T> type) {
        if (SECTIONS.get(name) != type) {
            throw new IllegalStateException("the document reads section '" + name + "' as " + type.getSimpleName() + ": list it in SECTIONS");
        }
        Object value = room.featureSections() == null ? null : room.featureSections().get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new IllegalStateException("snapshot section '" + name + "' is a " + value.getClass().getName() + ", not a list of "
                    + type.getSimpleName());
        }
        List<T> typed = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!type.isInstance(item)) {
                throw new IllegalStateException("snapshot section '" + name + "' holds a "
                        + (item == null ? "null" : item.getClass().getName()) + ", not a " + type.getSimpleName());
            }
            typed.add(type.cast(item));
        }
        return typed;
    }

    private static RoleRow role(RoleChange c) {
        String who = c.member() != null ? name(c.member()) : name(c.from()) + " -> " + name(c.to());
        String change = c.kind() + (c.role() != null ? " " + c.role() : c.roles() != null ? " " + String.join(", ", c.roles()) : "");
        return new RoleRow(c.seq(), c.at(), change, who, c.by() == null ? "server" : name(c.by()));
    }

    private static DecisionEntry decision(DecisionView d) {
        return new DecisionEntry(d.title(), d.status(), d.choice(), d.rationale(), d.proposedBy() == null ? "" : d.proposedBy().displayName(),
                d.proposedAt(), join(d.approvers()),
                list(d.approvals()).stream().map(a -> new Approval(voter(a), join(a.roles()), a.at())).toList(),
                list(d.rejections()).stream().map(r -> new Dissent(voter(r), r.comment())).toList(),
                d.supersedes() == null ? null : d.supersedes().toString(), d.supersededBy() == null ? null : d.supersededBy().toString());
    }

    private static StatementEntry statement(StatementView s) {
        String hash = s.textHash() == null ? "" : s.textHash().substring(0, Math.min(12, s.textHash().length()));
        return new StatementEntry(s.title(), s.version(), s.status(), hash, s.publishedVersion());
    }

    private static ActionRow action(ActionView a) {
        String owner = a.owner() == null ? "" : a.owner().displayName() != null ? a.owner().displayName()
                : a.owner().role() != null ? a.owner().role() : "";
        return new ActionRow(a.title(), owner, a.dueAt() == null ? "" : a.dueAt(), a.overdue(), a.status(),
                a.riskScore() == null ? "" : a.riskScore().toString());
    }

    private static AckEntry ack(AckView a) {
        return new AckEntry(a.about(), join(a.roles()), join(a.pending()), a.overdue());
    }

    private static List<TimelineRow> timeline(RoomExport.Chain chain) {
        return chain.events().stream().filter(e -> e.redacted() == null)
                .map(e -> new TimelineRow(e.seq(), e.at(), e.kind(), Boolean.TRUE.equals(e.erased()) ? ERASED : brief(e.brief()),
                        e.actor() == null ? "server" : actor(e.actor())))
                .toList();
    }

    private static ChainSummary chain(RoomExport.Chain chain) {
        return new ChainSummary(chain.headSeq(), chain.headHash(), chain.verification().ok(), chain.verification().firstBadSeq(),
                chain.algorithm(), chain.events().stream().map(e -> new ChainRow(e.seq(), e.hash(), e.redacted() != null)).toList(),
                chain.checkpoints() == null ? List.of()
                        : chain.checkpoints().stream().map(c -> new CheckpointRow(c.seq(), c.headHash(), c.at(), c.kid(),
                                chain.witnesses() == null ? List.of()
                                        : chain.witnesses().stream().filter(w -> w.seq() == c.seq()).map(w -> w.witness() + " at " + w.at())
                                                .toList()))
                                .toList());
    }

    /** What a timeline row says of an event whose content was erased (docs/protocol.md, "Erasure and legal hold"). */
    static final String ERASED = "(content erased)";

    /** The event's own short text (see {@code EventPayload.brief()}), cut to fit a table cell. */
    private static String brief(String brief) {
        if (brief == null) {
            return "";
        }
        return brief.length() > BRIEF_LENGTH ? brief.substring(0, BRIEF_LENGTH - 3) + "..." : brief;
    }

    private static String voter(DecisionView.VoteView vote) {
        return vote.by() == null || vote.by().displayName() == null ? "" : vote.by().displayName();
    }

    private static String actor(EventView.ActorView actor) {
        return actor.displayName() == null ? "" : actor.displayName();
    }

    private static String name(RoleChange.Person person) {
        return person == null || person.displayName() == null ? "" : person.displayName();
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
