package io.sitroom.statuspage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

class ComponentDeciderTest {

    private static final UUID API = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID WEB = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final List<ComponentDecider.ComponentState> EXISTING = List.of(
            new ComponentDecider.ComponentState(API, "API", "The public API", ComponentStatus.OPERATIONAL),
            new ComponentDecider.ComponentState(WEB, "Website", null, ComponentStatus.DEGRADED_PERFORMANCE));

    @Test
    void create_isOperationalByDefault_andGoesLast() {
        UUID id = UUID.randomUUID();
        assertEquals(List.of(new ComponentEvent.Created(id, "Sign-in", null, ComponentStatus.OPERATIONAL, 2)),
                ComponentDecider.create(new ComponentCommand.Create("Sign-in", null, null), EXISTING, id));
    }

    @Test
    void create_isAConflict_whenTheNameIsTaken_ignoringCase() {
        SitroomException e = assertThrows(SitroomException.class,
                () -> ComponentDecider.create(new ComponentCommand.Create("api", null, null), EXISTING, UUID.randomUUID()));
        assertEquals(ErrorCode.CONFLICT, e.code());
    }

    @Test
    void describe_keepsWhatItDoesNotGive_andRefusesNoChangeAndTakenNames() {
        assertEquals(List.of(new ComponentEvent.Described(API, "Public API", "The public API")),
                ComponentDecider.describe(new ComponentCommand.Describe(API, "Public API", null), EXISTING));
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> ComponentDecider.describe(new ComponentCommand.Describe(API, "API", "The public API"), EXISTING)).code());
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> ComponentDecider.describe(new ComponentCommand.Describe(API, "WEBSITE", null), EXISTING)).code());
    }

    @Test
    void setStatus_recordsFromAndTo_andRefusesTheSameStatusAndUnknownComponents() {
        assertEquals(List.of(new ComponentEvent.StatusChanged(WEB, ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.MAJOR_OUTAGE)),
                ComponentDecider.setStatus(new ComponentCommand.SetStatus(WEB, ComponentStatus.MAJOR_OUTAGE), EXISTING));
        assertEquals(ErrorCode.CONFLICT, assertThrows(SitroomException.class,
                () -> ComponentDecider.setStatus(new ComponentCommand.SetStatus(API, ComponentStatus.OPERATIONAL), EXISTING)).code());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SitroomException.class,
                () -> ComponentDecider.setStatus(new ComponentCommand.SetStatus(UUID.randomUUID(), ComponentStatus.OPERATIONAL), EXISTING))
                .code());
    }

    @Test
    void commands_refuseBadContent_asInvalid() {
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class, () -> new ComponentCommand.Create(" ", null, null)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class, () -> new ComponentCommand.Describe(API, null, null)).code());
        assertEquals(ErrorCode.INVALID, assertThrows(SitroomException.class, () -> ComponentStatus.of("down")).code());
    }
}
