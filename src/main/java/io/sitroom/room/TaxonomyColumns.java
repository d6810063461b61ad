package io.sitroom.room;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Severities and phases in columns, by their ids. */
public final class TaxonomyColumns {

    private TaxonomyColumns() {
    }

    @Converter(autoApply = true)
    public static class SeverityColumn implements AttributeConverter<Severity, String> {
        @Override
        public String convertToDatabaseColumn(Severity severity) {
            return severity == null ? null : severity.id();
        }

        @Override
        public Severity convertToEntityAttribute(String id) {
            return id == null ? null : new Severity(id);
        }
    }

    @Converter(autoApply = true)
    public static class PhaseColumn implements AttributeConverter<Phase, String> {
        @Override
        public String convertToDatabaseColumn(Phase phase) {
            return phase == null ? null : phase.id();
        }

        @Override
        public Phase convertToEntityAttribute(String id) {
            return id == null ? null : new Phase(id);
        }
    }
}
