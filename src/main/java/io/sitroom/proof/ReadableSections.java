package io.sitroom.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.sitroom.action.ActionEvent;
import io.sitroom.action.ActionStatus;
import io.sitroom.clock.WireTime;
import io.sitroom.comms.AckState;
import io.sitroom.comms.Audience;
import io.sitroom.comms.CommsEvent;
import io.sitroom.comms.StatementState;
import io.sitroom.decision.DecisionEvent;
import io.sitroom.decision.DecisionState;
import io.sitroom.erasure.ErasureEvent;
import io.sitroom.membership.RoleEvent;
import io.sitroom.playbook.PlaybookEvent;
import io.sitroom.role.Role;
import io.sitroom.room.ChangesRoles;
import io.sitroom.room.ErasedEvent;
import io.sitroom.room.EventKind;
import io.sitroom.room.EventPayload;
import io.sitroom.room.RoomEvent;
import io.sitroom.room.RoomKind;
import io.sitroom.statuspage.StatusPageEvent;
import io.sitroom.tracker.TrackerEvent;

/**
 * The readable sections of an export that its events prove, derived from the events the exporter could
 * see, in the export's own JSON form (maps, lists, strings, numbers; a null field is the same as an absent
 * one). Pure and JDK-only: the offline verifier runs it on the verified events of a file and compares what
 * it gets with what the file says ({@link SectionCheck}); the server builds the export's role history
 * with it, and {@code ReadableSectionsTest} holds it to the server's own projections of the same rooms.
 *
 * <p>Each section is derived only from events everyone who may see the section also sees (the room, its
 * members and roles, decisions: all recorded for everyone; notes: the viewer's own), so an export with
 * redacted links proves them as well. What the events alone cannot prove (what the exporter may do now, the
 * other features' sections) is listed as not proven by the verifier.
 */
public final class ReadableSections {

    /** The payload records these sections are derived from: the verifier decodes these kinds only. */
    public static final List<Class<? extends EventPayload>> PAYLOADS = List.of(RoomEvent.class, RoleEvent.class, DecisionEvent.class,
            ActionEvent.class, CommsEvent.class, ErasureEvent.class, StatusPageEvent.class, PlaybookEvent.class,
            TrackerEvent.class);

    /** As {@code RoomService}: the snapshot carries the newest notes only. */
    static final int SNAPSHOT_NOTES = 100;

    /** The sections proven, by their path in the export, in the order they are checked. */
    public static final List<String> PATHS = List.of("room.kind", "room.title", "room.severity", "room.phase", "room.createdAt",
            "room.createdBy", "room.members", "room.notes", "room.decisions", "room.actions", "room.statements", "room.acks",
            "room.updates", "room.nextUpdateDue", "room.lastUpdateAt", "room.public", "room.playbook", "room.checklist", "room.fields",
            "room.actionLinks", "updates", "roleHistory", "lessonsLearned", "metrics.openedAt", "metrics.closedAt",
            "metrics.timeToAcknowledgeSeconds", "metrics.timeToFirstExecutiveUpdateSeconds", "metrics.timeToContainmentSeconds",
            "metrics.decisionLatencySeconds", "metrics.overdueActions", "metrics.openExceptions", "metrics.oldestOpenExceptionAgeSeconds",
            "metrics.meanTimeToCloseHighRiskActionsSeconds");

    private ReadableSections() {
    }

    /**
     * Every proven section by its path ({@link #PATHS}), from the facts in seq order; {@code everyEventSeen} when the
     * exporter saw every event of the room (some metrics count events for named roles only); {@code asOf} when the
     * export was made (metrics that depend on the moment are as of then), null when not known. A path left out is
     * not proven by these events.
     */
    public static Map<String, Object> of(String roomId, List<Fact> facts, boolean everyEventSeen, Instant asOf) {
        Map<String, Object> sections = new LinkedHashMap<>();
        RoomEvent.RoomCreated created = null;
        Fact createdAt = null;
        String severity = null;
        String phase = null;
        Map<UUID, Member> members = new LinkedHashMap<>();
        List<Map<String, Object>> notes = new ArrayList<>();
        Map<UUID, Decision> decisions = new LinkedHashMap<>();
        Map<UUID, Action> actions = new LinkedHashMap<>();
        Map<UUID, Statement> statements = new LinkedHashMap<>();
        Map<UUID, Ack> acks = new LinkedHashMap<>();
        List<Fact> updates = new ArrayList<>();
        boolean madePublic = false;
        ProvenPlaybook playbook = new ProvenPlaybook();
        ProvenActionLinks actionLinks = new ProvenActionLinks();
        CommsEvent.UpdateRescheduled schedule = null;
        for (Fact fact : facts) {
            EventPayload payload = fact.payload();
            if (payload instanceof PlaybookEvent) {
                playbook.apply(fact);
            } else if (payload instanceof TrackerEvent link) {
                actionLinks.apply(fact, link);
            }
            if (payload instanceof RoomEvent.RoomCreated c) {
                created = c;
                createdAt = fact;
                severity = c.severity().toString();
                phase = c.phase().wire();
                if (c.updateCadenceSeconds() != null) {
                    schedule = new CommsEvent.UpdateRescheduled(c.firstUpdateDue(fact.at()), null);
                }
            } else if (payload instanceof RoomEvent.SeverityChanged changed) {
                severity = changed.to().toString();
            } else if (payload instanceof RoomEvent.PhaseChanged changed) {
                phase = changed.to().wire();
            } else if (payload instanceof RoomEvent.MemberAdded added) {
                members.remove(added.userId());
                members.put(added.userId(), new Member(added.userId(), added.displayName(), added.roles()));
            } else if (payload instanceof RoomEvent.MemberRemoved removed) {
                members.remove(removed.userId());
            } else if (payload instanceof RoomEvent.NoteAdded note) {
                notes.add(note(fact, note.text(), null));
            } else if (payload instanceof ErasedEvent erased && erased.was(RoomEvent.NoteAdded.class)) {
                notes.add(note(fact, null, true));
            } else if (payload instanceof DecisionEvent decision) {
                decide(decisions, fact, decision);
            } else if (payload instanceof ActionEvent action) {
                act(actions, fact, action);
            } else if (payload instanceof StatusPageEvent.MadePublic) {
                madePublic = true;
            } else if (payload instanceof StatusPageEvent.MadePrivate) {
                madePublic = false;
            } else if (payload instanceof CommsEvent.UpdatePosted) {
                updates.add(fact);
            } else if (payload instanceof CommsEvent.UpdateRescheduled rescheduled) {
                schedule = rescheduled;
            } else if (payload instanceof CommsEvent comms) {
                communicate(statements, acks, fact, comms);
            }
            if (payload instanceof ChangesRoles changes && !(payload instanceof RoomEvent.MemberAdded)) {
                changes.rolesAfter().forEach((userId, roles) -> {
                    Member member = members.get(userId);
                    if (member != null) {
                        members.put(userId, new Member(userId, member.displayName(), roles));
                    }
                });
            }
        }
        // Without a room.created (no real export lacks it) these are nothing, and a file that says otherwise disagrees.
        sections.put("room.kind", created == null ? null : created.roomKind().name());
        sections.put("room.title", created == null ? null : created.title());
        sections.put("room.severity", severity);
        sections.put("room.phase", phase);
        sections.put("room.createdAt", createdAt == null ? null : WireTime.format(createdAt.at()));
        sections.put("room.createdBy", created == null ? null : created.createdBy().toString());
        sections.put("room.members", members.values().stream().map(Member::json).toList());
        sections.put("room.notes", List.copyOf(notes.subList(Math.max(0, notes.size() - SNAPSHOT_NOTES), notes.size())));
        sections.put("room.decisions", decisions.values().stream().map(Decision::json).toList());
        sections.put("room.actions", actions.values().stream().sorted(Action.RANKING).map(a -> a.json(roomId)).toList());
        sections.put("room.statements", statements.values().stream().map(Statement::json).toList());
        sections.put("room.acks", acks.values().stream().map(Ack::json).toList());
        Collections.reverse(updates); // newest first, as CommsFeature lists them
        Map<Audience, Map<String, Object>> latest = new EnumMap<>(Audience.class);
        for (Fact update : updates) {
            latest.putIfAbsent(((CommsEvent.UpdatePosted) update.payload()).audience(), update(update, members));
        }
        sections.put("room.updates", List.copyOf(latest.values()));
        // As StatusPageFeature: an incident is on the public status page from room.made_public to room.made_private;
        // an exercise never is.
        sections.put("room.public", created == null ? null : created.roomKind() == RoomKind.INCIDENT && madePublic);
        sections.putAll(playbook.sections());
        sections.put("room.actionLinks", actionLinks.json());
        if (schedule != null) {
            // A room opens with the schedule its room.created records, and every update, new severity or type that moves it is
            // followed by an update.rescheduled for everyone. A room opened before room.created recorded its cadence has no
            // schedule proven until the first of these.
            sections.put("room.nextUpdateDue", WireTime.formatOrNull(schedule.nextDueAt()));
            sections.put("room.lastUpdateAt", WireTime.formatOrNull(schedule.lastUpdateAt()));
        }
        sections.put("updates", updates.stream().map(u -> update(u, members)).toList());
        sections.put("roleHistory", Plain.of(roleHistory(facts)));
        sections.put("lessonsLearned", LessonsLearned.from(facts));
        sections.putAll(ProvenMetrics.of(facts, everyEventSeen, asOf));
        return sections;
    }

    /** Who took, left or handed over which role, and who joined with which, in seq order: the export's {@code roleHistory}. */
    public static List<RoleChange> roleHistory(List<Fact> facts) {
        List<RoleChange> history = new ArrayList<>();
        for (Fact fact : facts) {
            EventPayload payload = fact.payload();
            String at = WireTime.format(fact.at());
            RoleChange.Person by = fact.actor() == null ? null : new RoleChange.Person(fact.actor().userId(), fact.actor().displayName());
            if (payload instanceof RoomEvent.MemberAdded added) {
                history.add(new RoleChange(fact.seq(), at, kind(payload), null, names(added.roles()),
                        new RoleChange.Person(added.userId(), added.displayName()), null, null, by));
            } else if (payload instanceof RoleEvent.Assigned assigned) {
                history.add(new RoleChange(fact.seq(), at, kind(payload), assigned.role().wire(), null,
                        new RoleChange.Person(assigned.userId(), assigned.displayName()), null, null, by));
            } else if (payload instanceof RoleEvent.Released released) {
                history.add(new RoleChange(fact.seq(), at, kind(payload), released.role().wire(), null,
                        new RoleChange.Person(released.userId(), released.displayName()), null, null, by));
            } else if (payload instanceof RoleEvent.HandedOver handedOver) {
                history.add(new RoleChange(fact.seq(), at, kind(payload), handedOver.role().wire(), null, null,
                        new RoleChange.Person(handedOver.fromUserId(), handedOver.fromDisplayName()),
                        new RoleChange.Person(handedOver.toUserId(), handedOver.toDisplayName()), by));
            }
        }
        return history;
    }

    private static String kind(EventPayload payload) {
        return payload.getClass().getAnnotation(EventKind.class).value();
    }

    private static Map<String, Object> note(Fact fact, String text, Boolean erased) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", fact.seq());
        json.put("at", WireTime.format(fact.at()));
        json.put("actor", fact.actor() == null ? null : actor(fact.actor()));
        json.put("text", text);
        json.put("visibleTo", fact.visibleTo());
        json.put("erased", erased);
        return json;
    }

    private static Map<String, Object> actor(Fact.Actor actor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", actor.userId().toString());
        json.put("displayName", actor.displayName());
        json.put("roles", actor.roles());
        return json;
    }

    private static Map<String, Object> person(UUID userId, String displayName) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", userId == null ? null : userId.toString());
        json.put("displayName", displayName);
        return json;
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::wire).sorted().toList();
    }

    private record Member(UUID userId, String displayName, Set<Role> roles) {

        Map<String, Object> json() {
            Map<String, Object> json = person(userId, displayName);
            json.put("roles", names(roles));
            return json;
        }
    }

    private static void decide(Map<UUID, Decision> decisions, Fact fact, DecisionEvent event) {
        if (event instanceof DecisionEvent.Proposed p) {
            decisions.put(p.decisionId(), new Decision(fact, p));
            return;
        }
        Decision d = decisions.get(event.decisionId());
        if (d == null) {
            return;
        }
        if (event instanceof DecisionEvent.Approved a) {
            d.votes.add(new Vote(fact, a.roles(), true, a.comment()));
        } else if (event instanceof DecisionEvent.Rejected r) {
            d.votes.add(new Vote(fact, r.roles(), false, r.reason()));
            d.status = DecisionState.Status.REJECTED;
            d.decidedAt = fact;
        } else if (event instanceof DecisionEvent.Accepted) {
            d.status = DecisionState.Status.ACCEPTED;
            d.decidedAt = fact;
        } else if (event instanceof DecisionEvent.Expired) {
            d.status = DecisionState.Status.EXPIRED;
        } else if (event instanceof DecisionEvent.Superseded s) {
            d.status = DecisionState.Status.SUPERSEDED;
            d.supersededBy = s.supersededBy();
        }
    }

    private record Vote(Fact fact, Set<Role> roles, boolean approve, String comment) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("by", person(fact.actor() == null ? null : fact.actor().userId(), fact.actor() == null ? null : fact.actor().displayName()));
            json.put("roles", names(roles));
            json.put("comment", comment);
            json.put("at", WireTime.format(fact.at()));
            json.put("seq", fact.seq());
            return json;
        }
    }

    /** A decision as the decision log projects it (see {@code DecisionFeature.project} and {@code DecisionView}). */
    private static final class Decision {
        final Fact proposed;
        final DecisionEvent.Proposed event;
        final List<Vote> votes = new ArrayList<>();
        DecisionState.Status status = DecisionState.Status.PROPOSED;
        Fact decidedAt;
        UUID supersededBy;

        Decision(Fact proposed, DecisionEvent.Proposed event) {
            this.proposed = proposed;
            this.event = event;
        }

        Map<String, Object> json() {
            DecisionState state = new DecisionState(event.decisionId(), status, event.approvers(),
                    proposed.actor() == null ? null : proposed.actor().userId(),
                    votes.stream().map(v -> new DecisionState.Vote(v.fact().actor() == null ? null : v.fact().actor().userId(), v.roles(),
                            v.approve())).toList(), event.expiresAt(), event.supersedes());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("decisionId", event.decisionId().toString());
            json.put("seq", proposed.seq());
            json.put("title", event.title());
            json.put("context", event.context());
            json.put("options", event.options() == null ? List.of() : event.options());
            json.put("choice", event.choice());
            json.put("rationale", event.rationale());
            json.put("approvers", names(event.approvers()));
            json.put("missingApprovers", status == DecisionState.Status.PROPOSED ? names(state.missingRoles()) : List.of());
            json.put("status", status.wire());
            json.put("proposedBy", person(proposed.actor() == null ? null : proposed.actor().userId(),
                    proposed.actor() == null ? null : proposed.actor().displayName()));
            json.put("proposedAt", WireTime.format(proposed.at()));
            json.put("expiresAt", WireTime.formatOrNull(event.expiresAt()));
            json.put("supersedes", event.supersedes() == null ? null : event.supersedes().toString());
            json.put("supersededBy", supersededBy == null ? null : supersededBy.toString());
            json.put("decidedAt", decidedAt == null ? null : WireTime.format(decidedAt.at()));
            json.put("approvals", votes.stream().filter(Vote::approve).map(Vote::json).toList());
            json.put("rejections", votes.stream().filter(v -> !v.approve()).map(Vote::json).toList());
            return json;
        }
    }

    private static void act(Map<UUID, Action> actions, Fact fact, ActionEvent event) {
        if (event instanceof ActionEvent.Created created) {
            actions.put(created.actionId(), new Action(fact, created));
            return;
        }
        Action a = actions.get(event.actionId());
        if (a == null) {
            return;
        }
        if (event instanceof ActionEvent.Updated updated) {
            a.status = updated.to();
            a.updatedAt = fact.at();
            a.closedAt = updated.to().closed() ? fact.at() : null;
        } else if (event instanceof ActionEvent.Overdue) {
            a.overdue = true;
        }
    }

    /** An action item as the action list projects it (see {@code ActionFeature.project} and {@code ActionView}). */
    private static final class Action {

        /** As {@code ActionFeature.RANKING}: highest risk first, then the earliest due, then the oldest. */
        static final Comparator<Action> RANKING = Comparator
                .comparing((Action a) -> a.event.riskScore() == null ? 0 : a.event.riskScore(), Comparator.reverseOrder())
                .thenComparing(a -> a.event.dueAt(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(a -> a.created.at())
                .thenComparingLong(a -> a.created.seq());

        final Fact created;
        final ActionEvent.Created event;
        ActionStatus status = ActionStatus.OPEN;
        Instant updatedAt;
        Instant closedAt;
        boolean overdue;

        Action(Fact created, ActionEvent.Created event) {
            this.created = created;
            this.event = event;
            this.updatedAt = created.at();
        }

        Map<String, Object> json(String roomId) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("actionId", event.actionId().toString());
            json.put("roomId", roomId);
            json.put("seq", created.seq());
            json.put("title", event.title());
            if (event.ownerId() != null || event.ownerRole() != null) {
                Map<String, Object> owner = person(event.ownerId(), event.ownerName());
                owner.put("role", event.ownerRole() == null ? null : event.ownerRole().wire());
                json.put("owner", owner);
            }
            json.put("dueAt", WireTime.formatOrNull(event.dueAt()));
            json.put("overdue", overdue);
            json.put("status", status.wire());
            json.put("decisionId", event.decisionId() == null ? null : event.decisionId().toString());
            json.put("risk", event.riskScore() == null ? null : Plain.of(event.risk()));
            json.put("riskScore", event.riskScore());
            json.put("createdAt", WireTime.format(created.at()));
            json.put("updatedAt", WireTime.format(updatedAt));
            json.put("closedAt", WireTime.formatOrNull(closedAt));
            return json;
        }
    }

    /** A status update as {@code CommsFeature} shows it: by its author as the room now names them (nobody, once they left). */
    private static Map<String, Object> update(Fact fact, Map<UUID, Member> members) {
        CommsEvent.UpdatePosted posted = (CommsEvent.UpdatePosted) fact.payload();
        UUID author = fact.actor() == null ? null : fact.actor().userId();
        Member now = author == null ? null : members.get(author);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", fact.seq());
        json.put("at", WireTime.format(fact.at()));
        json.put("audience", posted.audience().wire());
        json.put("by", person(author, now == null ? null : now.displayName()));
        json.put("data", fact.data());
        return json;
    }

    private static void communicate(Map<UUID, Statement> statements, Map<UUID, Ack> acks, Fact fact, CommsEvent event) {
        if (event instanceof CommsEvent.StatementDrafted drafted) {
            statements.computeIfAbsent(drafted.statementId(), id -> new Statement()).draft(fact, drafted);
        } else if (event instanceof CommsEvent.StatementApproved approved && statements.containsKey(approved.statementId())) {
            statements.get(approved.statementId()).approvals.add(new Approval(fact, approved));
        } else if (event instanceof CommsEvent.StatementPublished published && statements.containsKey(published.statementId())) {
            statements.get(published.statementId()).published(fact, published);
        } else if (event instanceof CommsEvent.AckRequested requested) {
            acks.put(requested.ackId(), new Ack(fact, requested));
        } else if (event instanceof CommsEvent.AckGiven given && acks.containsKey(given.ackId())) {
            Ack ack = acks.get(given.ackId());
            given.roles().stream().map(Role::wire).sorted().forEach(role -> ack.answers.add(new Answer(role, fact)));
        } else if (event instanceof CommsEvent.AckOverdue overdue && acks.containsKey(overdue.ackId())) {
            acks.get(overdue.ackId()).overdue = true;
        }
    }

    private record Approval(Fact fact, CommsEvent.StatementApproved event) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("role", event.role().wire());
            json.put("by", person(fact.actor() == null ? null : fact.actor().userId(), fact.actor() == null ? null : fact.actor().displayName()));
            json.put("version", event.version());
            json.put("textHash", event.textHash());
            json.put("at", WireTime.format(fact.at()));
            return json;
        }
    }

    /** An external statement as {@code CommsFeature.statements} shows it: its current version, that version's approvals. */
    private static final class Statement {
        Fact drafted;
        CommsEvent.StatementDrafted current;
        final List<Approval> approvals = new ArrayList<>();
        Integer publishedVersion;
        Instant publishedAt;

        void draft(Fact fact, CommsEvent.StatementDrafted version) {
            drafted = fact;
            current = version;
        }

        void published(Fact fact, CommsEvent.StatementPublished published) {
            publishedVersion = published.version();
            publishedAt = fact.at();
        }

        Map<String, Object> json() {
            List<Approval> ofCurrent = approvals.stream().filter(a -> a.event().version() == current.version()).toList();
            Map<Role, UUID> approvedBy = new EnumMap<>(Role.class);
            ofCurrent.forEach(a -> approvedBy.put(a.event().role(), a.fact().actor() == null ? null : a.fact().actor().userId()));
            StatementState state = new StatementState(current.statementId(), current.version(), current.textHash(), publishedVersion, approvedBy);
            boolean published = publishedVersion != null && publishedVersion == current.version();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("statementId", current.statementId().toString());
            json.put("version", current.version());
            json.put("title", current.title());
            json.put("body", current.body());
            json.put("channel", current.channel());
            json.put("textHash", current.textHash());
            json.put("draftedBy", person(drafted.actor() == null ? null : drafted.actor().userId(),
                    drafted.actor() == null ? null : drafted.actor().displayName()));
            json.put("status", published ? "published" : state.missing().isEmpty() ? "approved" : "draft");
            json.put("approvals", ofCurrent.stream().map(Approval::json).toList());
            json.put("missingApprovers", names(state.missing()));
            json.put("publishedVersion", publishedVersion);
            json.put("publishedAt", WireTime.formatOrNull(publishedAt));
            return json;
        }
    }

    private record Answer(String role, Fact fact) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("role", role);
            json.put("by", person(fact.actor() == null ? null : fact.actor().userId(), fact.actor() == null ? null : fact.actor().displayName()));
            json.put("at", WireTime.format(fact.at()));
            return json;
        }
    }

    /** A request for acknowledgement as {@code CommsFeature.acks} shows it; answers by seq, then by role within one. */
    private static final class Ack {
        final Fact requested;
        final CommsEvent.AckRequested event;
        final List<Answer> answers = new ArrayList<>();
        boolean overdue;

        Ack(Fact requested, CommsEvent.AckRequested event) {
            this.requested = requested;
            this.event = event;
        }

        Map<String, Object> json() {
            Map<Role, UUID> given = new EnumMap<>(Role.class);
            answers.forEach(a -> given.put(Role.of(a.role()), a.fact().actor() == null ? null : a.fact().actor().userId()));
            AckState state = new AckState(event.ackId(), event.about(), event.roles(), given, event.dueAt(), overdue);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ackId", event.ackId().toString());
            json.put("seq", requested.seq());
            json.put("about", event.about());
            json.put("roles", names(event.roles()));
            json.put("acknowledged", answers.stream().map(Answer::json).toList());
            json.put("pending", names(state.pending()));
            json.put("dueAt", WireTime.formatOrNull(event.dueAt()));
            json.put("overdue", overdue);
            return json;
        }
    }
}
