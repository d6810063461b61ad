package io.sitroom.statuspage;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.panache.common.Sort;
import io.sitroom.audit.AuditLog;
import io.sitroom.clock.WireTime;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/**
 * The components of the status page, changed by the admin's commands. Components are deployment-wide, so
 * their commands cannot go through a room's log (whose lock, members, visibility and hash chain are the
 * room's): each is decided by {@link ComponentDecider} under a lock of the page's version row, applied to
 * {@code status_page_component}, and recorded in the audit log under its event's kind, in one transaction.
 */
@ApplicationScoped
public class StatusComponents {

    /** Who may issue every component command, declared once. */
    public static final String AUTHORITY = Caller.ADMIN;

    /** A component command: its name, its record, and its decider over the existing components. */
    public record CommandType<C extends ComponentCommand>(String name, Class<C> type,
            BiFunction<C, List<ComponentDecider.ComponentState>, List<ComponentEvent>> decider) {

        List<ComponentEvent> decide(ComponentCommand command, List<ComponentDecider.ComponentState> existing) {
            return decider.apply(type.cast(command), existing);
        }
    }

    public static final List<CommandType<?>> COMMANDS = List.of(
            new CommandType<>("component.create", ComponentCommand.Create.class,
                    (c, existing) -> ComponentDecider.create(c, existing, UUID.randomUUID())),
            new CommandType<>("component.describe", ComponentCommand.Describe.class, ComponentDecider::describe),
            new CommandType<>("component.status", ComponentCommand.SetStatus.class, ComponentDecider::setStatus));

    private static final Map<String, CommandType<?>> BY_NAME = COMMANDS.stream()
            .collect(Collectors.toMap(CommandType::name, Function.identity()));

    /** What a client sends: the command's name and its data. */
    public record Envelope(String name, JsonNode data) {
    }

    public record ComponentView(UUID id, String name, String description, String status, int position, String createdAt, String updatedAt) {
    }

    private final ObjectReader reader;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<StatusPageChanged> changes;

    public StatusComponents(ObjectMapper mapper, AuditLog audit, Clock clock, Event<StatusPageChanged> changes) {
        this.reader = strictReader(mapper);
        this.audit = audit;
        this.clock = clock;
        this.changes = changes;
    }

    public static ObjectReader strictReader(ObjectMapper mapper) {
        return mapper.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Decodes a command's data strictly into its record, or refuses it as {@code invalid}, naming the command and the field. */
    public static ComponentCommand decode(ObjectReader reader, String name, JsonNode data) {
        CommandType<?> type = name == null ? null : BY_NAME.get(name);
        if (type == null) {
            throw SitroomException.invalid("unknown command '" + name + "'");
        }
        JsonNode body = data == null || data.isNull() ? JsonNodeFactory.instance.objectNode() : data;
        try {
            return reader.forType(type.type()).readValue(body);
        } catch (UnrecognizedPropertyException e) {
            throw SitroomException.invalid(name + ": unknown field '" + e.getPropertyName() + "'");
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SitroomException refusal) {
                    throw SitroomException.invalid(name + ": " + refusal.getMessage());
                }
            }
            String field = e instanceof JsonMappingException m ? m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]").collect(Collectors.joining("."))
                    : "";
            throw SitroomException.invalid(name + ": " + (field.isEmpty() ? "data does not fit the command" : "field '" + field
                    + "' has the wrong type or format"));
        }
    }

    /** Issues a component command for the admin: decided, applied, audited, and the page's version moved, or refused. */
    @Transactional
    public ComponentView issue(Caller caller, Envelope envelope) {
        if (caller == null || !caller.admin()) {
            throw SitroomException.forbidden("only the admin changes the status page's components");
        }
        if (envelope == null) {
            throw SitroomException.invalid("the body must be {\"name\",\"data\"}");
        }
        ComponentCommand command = decode(reader, envelope.name(), envelope.data());
        StatusPageVersion.findById(StatusPageVersion.ROW, LockModeType.PESSIMISTIC_WRITE);
        List<ComponentDecider.ComponentState> existing = PublicComponent.<PublicComponent> listAll().stream().map(PublicComponent::toState)
                .toList();
        List<ComponentEvent> events = BY_NAME.get(envelope.name()).decide(command, existing);
        UUID changed = null;
        for (ComponentEvent event : events) {
            apply(event);
            audit.record(caller.userId(), caller.displayName(), ComponentEvent.kind(event), "component " + event.componentId(), event.brief());
            changed = event.componentId();
        }
        StatusPageVersion.bump(clock.instant());
        changes.fire(new StatusPageChanged());
        return view(PublicComponent.findById(changed));
    }

    private void apply(ComponentEvent event) {
        if (event instanceof ComponentEvent.Created created) {
            PublicComponent component = new PublicComponent();
            component.id = created.componentId();
            component.name = created.name();
            component.description = created.description();
            component.status = created.status().wire();
            component.position = created.position();
            component.createdAt = clock.instant();
            component.updatedAt = component.createdAt;
            component.persist();
        } else if (event instanceof ComponentEvent.Described described) {
            PublicComponent component = PublicComponent.findById(described.componentId());
            component.name = described.name();
            component.description = described.description();
            component.updatedAt = clock.instant();
        } else if (event instanceof ComponentEvent.StatusChanged status) {
            PublicComponent component = PublicComponent.findById(status.componentId());
            component.status = status.to().wire();
            component.updatedAt = clock.instant();
        }
    }

    /** The components and which of their commands the caller may issue (the admin: all; anyone else: none). */
    public record Listing(List<String> can, List<ComponentView> components) {
    }

    /** Every component, in the page's order (signed-in accounts: the web app shows them, and offers what {@code can} lists). */
    @Transactional
    public Listing list(Caller caller) {
        List<String> can = caller != null && caller.admin() ? COMMANDS.stream().map(CommandType::name).sorted().toList() : List.of();
        return new Listing(can, PublicComponent.<PublicComponent> listAll(Sort.ascending("position", "name")).stream()
                .map(StatusComponents::view).toList());
    }

    private static ComponentView view(PublicComponent c) {
        return new ComponentView(c.id, c.name, c.description, c.status, c.position, WireTime.format(c.createdAt), WireTime.format(c.updatedAt));
    }
}
