package io.sitroom.live;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.sitroom.limits.LimitsConfig;
import io.sitroom.limits.RateLimits;
import io.sitroom.room.RoomService;
import io.sitroom.error.DatabaseUnavailable;
import io.sitroom.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.impl.HttpUtils;

/**
 * Guards the upgrade to a room connection: 401 without a valid token, 404 for anyone who is not
 * a member (a room's existence is not disclosed), 400 for a malformed {@code since}.
 */
@ApplicationScoped
public class RoomUpgradeCheck implements HttpUpgradeCheck {

    private final RoomService rooms;
    private final LimitsConfig limits;
    private final RateLimits rateLimits;
    private final Drain drain;

    public RoomUpgradeCheck(RoomService rooms, LimitsConfig limits, RateLimits rateLimits, Drain drain) {
        this.drain = drain;
        this.rooms = rooms;
        this.limits = limits;
        this.rateLimits = rateLimits;
    }

    /**
     * A browser always sends Origin: a page from another site may not open a room with the
     * visitor's cookie or token. Clients that send no Origin (not browsers) are not affected.
     */
    boolean originAllowed(String origin, String host) {
        if (origin == null) {
            return true;
        }
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String authority = uri.getAuthority();
        return (authority != null && authority.equalsIgnoreCase(host))
                || limits.allowedOrigins().orElse(java.util.List.of()).stream().anyMatch(o -> o.equalsIgnoreCase(origin));
    }

    /** Endpoints under {@code /ws/rooms/{roomId}...} whose upgrade this check guards. */
    public static final java.util.Set<String> ROOM_ENDPOINTS = java.util.Set.of(RoomSocket.ENDPOINT_ID, "replay");

    @Override
    public boolean appliesTo(String endpointId) {
        return ROOM_ENDPOINTS.contains(endpointId);
    }

    /** A draining node takes no new socket: the client tries again (through the balancer, another node). */
    private static final java.util.Map<String, java.util.List<String>> RETRY_SHORTLY = java.util.Map.of("Retry-After", java.util.List.of("1"));

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (drain.draining()) {
            return CheckResult.rejectUpgrade(503, RETRY_SHORTLY);
        }
        if (!originAllowed(context.httpRequest().getHeader("Origin"), context.httpRequest().getHeader("Host"))) {
            return CheckResult.rejectUpgrade(403);
        }
        return context.securityIdentity().onItem().transformToUni(identity -> {
            Caller caller = Caller.of(identity);
            if (caller == null) {
                return CheckResult.rejectUpgrade(401);
            }
            UUID roomId = roomIdOf(HttpUtils.normalizePath(context.httpRequest().path()));
            if (roomId == null) {
                return CheckResult.rejectUpgrade(404);
            }
            String sinceParam = context.httpRequest().getParam("since");
            Long since = parseSince(sinceParam);
            if (sinceParam != null && since == null) {
                return CheckResult.rejectUpgrade(400);
            }
            if (!rateLimits.mayUpgrade(caller.userId())) {
                return CheckResult.rejectUpgrade(429);
            }
            String tokenHash = Caller.tokenHashOf(identity);
            // The token's expiry came with the identity, read in the lookup that signed it in.
            Instant tokenExpiresAt = Caller.tokenExpiresAtOf(identity);
            Long revocationsMark = Caller.revocationsMarkOf(identity);
            return VertxContextSupport.executeBlocking(() -> new Admission(rooms.isMember(roomId, caller.userId()), tokenExpiresAt))
                    .map(admission -> {
                        if (!admission.member()) {
                            return CheckResult.rejectUpgradeSync(404);
                        }
                        context.userData().put(LiveSessions.CALLER, caller);
                        if (tokenHash != null) {
                            context.userData().put(TokenRevocations.TOKEN_HASH, tokenHash);
                        }
                        if (revocationsMark != null) {
                            context.userData().put(TokenRevocations.REVOCATIONS_MARK, revocationsMark);
                        }
                        if (admission.tokenExpiresAt() != null) {
                            context.userData().put(TokenRevocations.TOKEN_EXPIRES_AT, admission.tokenExpiresAt());
                        }
                        if (since != null) {
                            context.userData().put(LiveSessions.SINCE, since);
                        }
                        return CheckResult.permitUpgradeSync();
                    });
        }).onFailure(DatabaseUnavailable::isCause).recoverWithItem(() -> CheckResult.rejectUpgradeSync(503));
    }

    /** Whether the caller is a member of the room, and when the token it upgrades with expires (null: unknown). */
    private record Admission(boolean member, Instant tokenExpiresAt) {
    }

    /**
     * The room id is the segment after {@code /ws/rooms/} of the path as the router reads it (normalised:
     * {@code /ws/rooms/<mine>/../<other>} opens {@code <other>}, so it is checked as {@code <other>}).
     */
    private static UUID roomIdOf(String path) {
        String rest = path.substring(path.indexOf("/ws/rooms/") + "/ws/rooms/".length());
        String value = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long parseSince(String value) {
        if (value == null) {
            return null;
        }
        try {
            long since = Long.parseLong(value);
            return since < 0 ? null : since;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
