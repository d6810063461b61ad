package io.sitroom.room;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A room as one member sees it now: the {@code room} of the {@code welcome} frame and the answer
 * of {@code GET /api/rooms/{id}}. {@code seq} is the head of the log this snapshot reflects.
 * Features add their own sections (decisions, actions, ...) next to the core fields. {@code can}
 * lists the commands this member may issue now (see {@link CommandCatalog#can}); {@code privileged} those of
 * them it may issue for any item, whatever the content ({@link CommandCatalog#privileged}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomSnapshot(UUID id, RoomKind kind, String title, Severity severity, Phase phase, String createdAt,
        UUID createdBy, long seq, String headHash, List<MemberView> members, List<String> can, List<String> privileged,
        List<NoteView> notes,
        @JsonIgnore Map<String, Object> sections) {

    public record MemberView(UUID userId, String displayName, List<String> roles) {
    }

    /**
     * {@code erased} is true, and {@code text} absent, for a note whose content was erased; else {@code erased} is
     * absent ({@code visibleTo} stays null for everyone's notes, as clients have always read it).
     */
    public record NoteView(long seq, String at, EventView.ActorView actor, @JsonInclude(JsonInclude.Include.NON_NULL) String text,
            List<String> visibleTo, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean erased) {
    }

    @JsonAnyGetter
    public Map<String, Object> featureSections() {
        return sections;
    }
}
