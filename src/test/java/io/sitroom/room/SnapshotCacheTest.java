package io.sitroom.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.sitroom.role.Role;
import io.sitroom.testing.Api;
import io.sitroom.testing.Api.User;

/** Members who see a room alike share its snapshot; one who wrote a restricted note still sees it, and no one else does. */
@QuarkusTest
class SnapshotCacheTest {

    @Inject
    SnapshotCache cache;

    private static List<String> notes(User user, UUID room) {
        return user.as().get("/api/rooms/" + room).then().statusCode(200).extract().jsonPath().getList("notes.text");
    }

    @Test
    void anAuthor_seesItsRestrictedNote_andAMemberWithTheSameRoles_neverDoes() {
        User ic = Api.newUser("Ines");
        User author = Api.newUser("Sam");
        User other = Api.newUser("Sue");
        UUID room = Api.newIncident(ic, "Shared snapshots");
        Api.addMember(ic, room, author, "scribe");
        Api.addMember(ic, room, other, "scribe");
        Api.accepted(author, room, "note.add", Map.of("text", "for legal only", "visibleTo", List.of("legal")));
        // The other scribe asks first, so that a shared snapshot exists when the author asks.
        assertEquals(List.of(), notes(other, room));
        assertEquals(List.of("for legal only"), notes(author, room));
        assertEquals(List.of(), notes(other, room));
        Api.accepted(ic, room, "note.add", Map.of("text", "for everyone"));
        assertEquals(List.of("for legal only", "for everyone"), notes(author, room));
        assertEquals(List.of("for everyone"), notes(other, room));
        assertEquals(List.of("for legal only", "for everyone"), notes(ic, room), "the lead sees every note");
    }

    @Test
    void aSnapshot_followsTheHead_forMembersWhoShareIt() {
        User ic = Api.newUser("Ines");
        User a = Api.newUser("Ann");
        User b = Api.newUser("Bo");
        UUID room = Api.newIncident(ic, "Moving head");
        Api.addMember(ic, room, a, "observer");
        Api.addMember(ic, room, b, "observer");
        long head = Api.headSeq(a, room);
        assertEquals(head, Api.headSeq(b, room));
        Api.accepted(ic, room, "room.severity", Map.of("severity", "SEV1"));
        b.as().get("/api/rooms/" + room).then().statusCode(200)
                .body("severity", org.hamcrest.Matchers.equalTo("SEV1"))
                .body("seq", org.hamcrest.Matchers.greaterThan((int) head));
    }

    @Test
    void aSharedSnapshot_isNeverHandedToSomeoneNoLongerAMember() {
        User ic = Api.newUser("Ines");
        User stays = Api.newUser("Stan");
        User leaves = Api.newUser("Lea");
        UUID room = Api.newIncident(ic, "Shared after removal");
        Api.addMember(ic, room, stays, "observer");
        Api.addMember(ic, room, leaves, "observer");
        ic.as().delete("/api/rooms/" + room + "/members/" + leaves.id()).then().statusCode(200);
        // An observer's snapshot at the new head is built and shared...
        stays.as().get("/api/rooms/" + room).then().statusCode(200);
        // ...and the former observer, who would share it, is not a member.
        leaves.as().get("/api/rooms/" + room).then().statusCode(404).body("error.code", org.hamcrest.Matchers.equalTo("not_found"));
    }

    @Test
    void welcomesMissingASnapshotAtOnce_waitForOneBuild() throws Exception {
        User ic = Api.newUser("Ines");
        UUID room = Api.newIncident(ic, "A storm's first welcomes");
        int welcomes = 8;
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch arrived = new CountDownLatch(welcomes);
        Member viewer = new Member(ic.id(), "Ines", Set.of(Role.OBSERVER));
        ExecutorService threads = Executors.newFixedThreadPool(welcomes);
        try {
            List<Future<RoomSnapshot>> snapshots = new ArrayList<>();
            for (int i = 0; i < welcomes; i++) {
                snapshots.add(threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                    Room read = Room.findById(room);
                    arrived.countDown();
                    return cache.of(read, viewer, Instant.now(), () -> {
                        builds.incrementAndGet();
                        // The others have read the same head and are asking meanwhile.
                        awaitQuietly(arrived);
                        return new RoomSnapshot(room, RoomKind.INCIDENT, "built", null, null, null, null, read.headSeq, null,
                                List.of(), List.of(), List.of(), List.of(), Map.of());
                    });
                })));
            }
            Set<RoomSnapshot> handedOut = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Future<RoomSnapshot> snapshot : snapshots) {
                handedOut.add(snapshot.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, builds.get(), "built once");
            assertEquals(1, handedOut.size(), "every welcome got that one snapshot");
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
