package io.sitroom.live;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.error.ApiError;
import io.sitroom.error.ErrorCode;
import io.sitroom.room.CommandEnvelope;
import io.sitroom.room.CommandResult;
import io.sitroom.room.EventView;
import io.sitroom.room.RoomSnapshot;

/** The WebSocket frame codec: inbound text to {@link Inbound}, outbound records to JSON text. */
@ApplicationScoped
public class Frames {

    /** Frames larger than this (in UTF-8 bytes) are refused with {@code too_large}. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;

    static final String PONG = "{\"type\":\"pong\"}";

    private final ObjectMapper mapper;
    private final EncodedSnapshots snapshots = new EncodedSnapshots();

    public Frames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What a client sent: a ping, a command, or something wrong with the frame. */
    sealed interface Inbound {
        record Ping() implements Inbound {
        }

        record Command(CommandEnvelope envelope) implements Inbound {
        }

        /** A frame that cannot be handled; {@code commandId} when the frame named one, to answer with a result. */
        record Bad(ErrorCode code, String message, String commandId) implements Inbound {
        }
    }

    public record You(UUID userId, String displayName, List<String> roles) {
    }

    /** {@code room}: the snapshot's JSON, encoded once for every connection handed the same snapshot. */
    record Welcome(String type, UUID roomId, long seq, You you, @JsonRawValue String room) {
    }

    record ErrorFrame(String type, ApiError error) {
    }

    /** A welcome again, mid-connection, after the member's roles changed: the snapshot for its new roles. */
    record Resync(String type, UUID roomId, long seq, You you, @JsonRawValue String room) {
    }

    /** What the member may issue now, after the event at {@code seq} changed their roles or the room's phase. */
    record CanFrame(String type, UUID roomId, long seq, List<String> can, List<String> privileged) {
    }

    Inbound decode(String text) {
        if (text.length() > MAX_FRAME_BYTES / 4 && utf8Length(text) > MAX_FRAME_BYTES) {
            return new Inbound.Bad(ErrorCode.TOO_LARGE, "frame is larger than " + MAX_FRAME_BYTES + " bytes", null);
        }
        JsonNode frame;
        try {
            frame = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new Inbound.Bad(ErrorCode.INVALID, "frame is not JSON", null);
        }
        if (frame == null || !frame.isObject()) {
            return new Inbound.Bad(ErrorCode.INVALID, "frame must be a JSON object", null);
        }
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            return new Inbound.Bad(ErrorCode.INVALID, "frame lacks a string field 'type'", null);
        }
        switch (type.textValue()) {
            case "ping":
                return new Inbound.Ping();
            case "command":
                return command(frame);
            default:
                return new Inbound.Bad(ErrorCode.INVALID, "unknown frame type '" + type.textValue() + "'", null);
        }
    }

    private Inbound command(JsonNode frame) {
        JsonNode id = frame.get("commandId");
        String commandId = id != null && id.isTextual() && CommandEnvelope.isValidId(id.textValue()) ? id.textValue() : null;
        if (commandId == null) {
            return new Inbound.Bad(ErrorCode.INVALID, "command frame lacks 'commandId' (1 to " + CommandEnvelope.MAX_COMMAND_ID_LENGTH
                    + " letters, digits and . _ : -)", null);
        }
        JsonNode name = frame.get("name");
        if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
            return new Inbound.Bad(ErrorCode.INVALID, "command frame lacks a string field 'name'", commandId);
        }
        JsonNode data = frame.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            return new Inbound.Bad(ErrorCode.INVALID, "command 'data' must be a JSON object", commandId);
        }
        return new Inbound.Command(new CommandEnvelope(commandId, name.textValue(), data));
    }

    String welcome(RoomSnapshot room, You you) {
        return write(new Welcome("welcome", room.id(), room.seq(), you, snapshots.of(room, this::write)));
    }

    String resync(RoomSnapshot room, You you) {
        return write(new Resync("resync", room.id(), room.seq(), you, snapshots.of(room, this::write)));
    }

    String event(EventView event) {
        return write(event);
    }

    String can(UUID roomId, long seq, List<String> can, List<String> privileged) {
        return write(new CanFrame("can", roomId, seq, can, privileged));
    }

    String result(CommandResult result) {
        return write(result);
    }

    String error(ErrorCode code, String message) {
        return write(new ErrorFrame("error", new ApiError(code, message)));
    }

    private String write(Object frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode frame " + frame.getClass().getSimpleName(), e);
        }
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
