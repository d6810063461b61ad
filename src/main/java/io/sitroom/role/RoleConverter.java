package io.sitroom.role;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;


/** Stores a role by its wire name. */
@Converter
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wire();
    }

    @Override
    public Role convertToEntityAttribute(String column) {
        return column == null ? null : Role.of(column);
    }
}
