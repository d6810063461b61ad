package io.sitroom.exercise;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.sitroom.role.Role;
import io.sitroom.room.RoleSetConverter;

/** The projection of the facilitator's improvisation of one inject (see {@link PlaybackState.InjectChange}). */
@Entity
@Table(name = "exercise_inject_change")
@IdClass(InjectChangeRecord.Key.class)
public class InjectChangeRecord extends PanacheEntityBase {

    public record Key(UUID roomId, String injectId) implements Serializable {
    }

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "inject_id", length = 64)
    public String injectId;

    @Column(nullable = false)
    public long seq;

    @Column(nullable = false)
    public boolean added;

    @Column(nullable = false)
    public boolean dropped;

    @Column(length = 200)
    public String title;

    @Column(length = 10_000)
    public String body;

    @Column(name = "to_roles", length = 500)
    @Convert(converter = RoleSetConverter.class)
    public Set<Role> to;

    @Column(length = 30_000)
    @Convert(converter = PromptsConverter.class)
    public List<String> prompts;

    @Column(name = "at_ms")
    public Long atMs;

    @Column(length = 8_000)
    @Convert(converter = MediumConverter.class)
    public Medium medium;

    PlaybackState.InjectChange change() {
        return new PlaybackState.InjectChange(seq, added, dropped, title, body, to, prompts, atMs, medium);
    }

    /** Keeps {@code change} (its seq is the row's, set when the row was made). */
    void set(PlaybackState.InjectChange change) {
        added = change.added();
        dropped = change.dropped();
        title = change.title();
        body = change.body();
        to = change.to();
        prompts = change.prompts();
        atMs = change.atMs();
        medium = change.medium();
    }

    /** The row of an inject, created (as a change of a scenario inject) if there is none yet. */
    static InjectChangeRecord of(UUID roomId, String injectId, long seq) {
        InjectChangeRecord row = findById(new Key(roomId, injectId));
        if (row == null) {
            row = new InjectChangeRecord();
            row.roomId = roomId;
            row.injectId = injectId;
            row.seq = seq;
            row.persist();
        }
        return row;
    }

    /** A medium as the JSON its events carry ({@code {"kind":"news",...}}). */
    @Converter
    public static class MediumConverter implements AttributeConverter<Medium, String> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String convertToDatabaseColumn(Medium medium) {
            try {
                return medium == null ? null : JSON.writeValueAsString(medium);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Medium convertToEntityAttribute(String column) {
            try {
                return column == null ? null : JSON.readValue(column, Medium.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored medium column is not a medium's JSON", e);
            }
        }
    }

    /** Discussion questions as a JSON array of strings. */
    @Converter
    public static class PromptsConverter implements AttributeConverter<List<String>, String> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public String convertToDatabaseColumn(List<String> prompts) {
            try {
                return prompts == null ? null : JSON.writeValueAsString(prompts);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            try {
                return column == null ? null : List.copyOf(JSON.readValue(column, new TypeReference<List<String>>() {
                }));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored prompts column is not a JSON array of strings", e);
            }
        }
    }
}
