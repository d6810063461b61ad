package io.sitroom.comms;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.sitroom.room.HashChain;

/** How clients see status updates, statements and acknowledgements. */
public final class CommsViews {

    private CommsViews() {
    }

    public record Person(UUID userId, String displayName) {
    }

    public record UpdateView(long seq, String at, String audience, Person by, JsonNode data) {
    }

    public record ApprovalView(String role, Person by, int version, String textHash, String at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatementView(UUID statementId, int version, String title, String body, String channel, String textHash,
            Person draftedBy, String status, List<ApprovalView> approvals, List<String> missingApprovers, Integer publishedVersion,
            String publishedAt) {
    }

    public record AckAnswer(String role, Person by, String at) {
    }

    public record AckView(UUID ackId, long seq, long about, List<String> roles, List<AckAnswer> acknowledged, List<String> pending,
            String dueAt, boolean overdue) {
    }

    static String time(Instant at) {
        return at == null ? null : HashChain.formatTime(at);
    }
}
