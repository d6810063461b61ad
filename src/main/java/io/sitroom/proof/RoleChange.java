package io.sitroom.proof;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of an export's {@code roleHistory}: someone joined with roles ({@code member.added}), took or left a
 * role, or handed it over; {@code by} who did it (null when the server did).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoleChange(long seq, String at, String kind, String role, List<String> roles, Person member, Person from, Person to,
        Person by) {

    public record Person(UUID userId, String displayName) {
    }
}
