package io.sitroom.statuspage;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.sitroom.error.SitroomException;

/** The rules of components: names are unique (ignoring case), and a command that changes nothing is a conflict. Pure. */
public final class ComponentDecider {

    public record ComponentState(UUID id, String name, String description, ComponentStatus status) {
    }

    private ComponentDecider() {
    }

    public static List<ComponentEvent> create(ComponentCommand.Create c, Collection<ComponentState> existing, UUID newId) {
        requireFreeName(c.name(), null, existing);
        return List.of(new ComponentEvent.Created(newId, c.name(), c.description(), c.status(), existing.size()));
    }

    public static List<ComponentEvent> describe(ComponentCommand.Describe c, Collection<ComponentState> existing) {
        ComponentState current = find(c.componentId(), existing);
        String name = c.name() == null ? current.name() : c.name();
        String description = c.description() == null ? current.description() : c.description();
        if (name.equals(current.name()) && Objects.equals(description, current.description())) {
            throw SitroomException.conflict("this changes nothing of the component '" + current.name() + "'");
        }
        requireFreeName(name, current.id(), existing);
        return List.of(new ComponentEvent.Described(current.id(), name, description));
    }

    public static List<ComponentEvent> setStatus(ComponentCommand.SetStatus c, Collection<ComponentState> existing) {
        ComponentState current = find(c.componentId(), existing);
        if (current.status() == c.status()) {
            throw SitroomException.conflict("the component '" + current.name() + "' is already " + c.status());
        }
        return List.of(new ComponentEvent.StatusChanged(current.id(), current.status(), c.status()));
    }

    private static ComponentState find(UUID id, Collection<ComponentState> existing) {
        return existing.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> SitroomException.notFound("no component " + id));
    }

    private static void requireFreeName(String name, UUID self, Collection<ComponentState> existing) {
        String wanted = name.toLowerCase(Locale.ROOT);
        if (existing.stream().anyMatch(s -> !s.id().equals(self) && s.name().toLowerCase(Locale.ROOT).equals(wanted))) {
            throw SitroomException.conflict("a component named '" + name + "' already exists");
        }
    }
}
