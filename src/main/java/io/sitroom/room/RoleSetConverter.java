package io.sitroom.room;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import io.sitroom.role.Role;

/** Stores a set of roles as their wire names, sorted and comma-separated ("" for none). */
@Converter
public class RoleSetConverter implements AttributeConverter<Set<Role>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Role> roles) {
        return roles == null ? null : join(roles);
    }

    @Override
    public Set<Role> convertToEntityAttribute(String column) {
        return column == null ? null : split(column);
    }

    public static String join(Set<Role> roles) {
        return roles.stream().map(Role::wire).sorted().collect(Collectors.joining(","));
    }

    public static Set<Role> split(String column) {
        if (column.isEmpty()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(column.split(",")).map(Role::of).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
