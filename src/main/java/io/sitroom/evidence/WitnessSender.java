package io.sitroom.evidence;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Countersignature;
import io.sitroom.error.OutageLog;

/**
 * Sends every checkpoint this server signs to each registered witness, oldest first, and keeps the
 * witness's countersignature once it verifies with the witness's pinned keys. A witness that does not
 * answer is tried again with backoff (2 s doubling to 1 h); one that refuses a checkpoint as a
 * contradiction (409: it countersigned another head for that room and seq) is logged as an error, as it
 * means this database's chain is not the one the witness saw. Every node runs this; a countersignature
 * two nodes fetched at once is kept once (the witness answers the same checkpoint with the same one).
 */
@ApplicationScoped
public class WitnessSender {

    private static final Logger LOG = Logger.getLogger(WitnessSender.class);
    private static final int BATCH = 100;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration LAST_BACKOFF = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The most of an answer that is read: a countersignature is a few hundred bytes. */
    private static final int MAX_ANSWER = 16 * 1024;

    private static final String PENDING = """
            SELECT c.room_id, c.seq, c.head_hash, c.signed_at, c.kid, c.signature FROM room_checkpoint c
            WHERE NOT EXISTS (SELECT 1 FROM checkpoint_countersignature s
                              WHERE s.room_id = c.room_id AND s.seq = c.seq AND s.target_id = :target)
            ORDER BY c.signed_instant, c.seq
            """;

    private final Witnesses witnesses;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final OutageLog outage = new OutageLog(LOG, "witness sending");

    public WitnessSender(Witnesses witnesses, ObjectMapper mapper, Clock clock) {
        this.witnesses = witnesses;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Scheduled(every = "${sitroom.evidence.poll-interval:5s}", delayed = "4s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            sendDue();
            outage.succeeded();
        } catch (RuntimeException e) {
            if (!outage.failed(e)) {
                throw e;
            }
        }
    }

    /** Sends what is due to every witness not backing off; returns how many countersignatures it kept. */
    public int sendDue() {
        Instant now = clock.instant();
        List<WitnessTarget> due = QuarkusTransaction.requiringNew().call(() -> WitnessTarget.<WitnessTarget> list(
                "active = true and (nextAttemptAt is null or nextAttemptAt <= ?1) order by name", now));
        int kept = 0;
        for (WitnessTarget target : due) {
            kept += sendTo(target);
        }
        return kept;
    }

    private int sendTo(WitnessTarget target) {
        Map<String, PublicKey> pinned = Witnesses.publicKeys(witnesses.parse(target.keys));
        List<Checkpoint> pending = QuarkusTransaction.requiringNew().call(() -> pending(target.id));
        int kept = 0;
        String refusal = null;
        for (Checkpoint checkpoint : pending) {
            Answer answer = post(URI.create(target.url), checkpoint);
            if (answer.status() == 409) {
                // Not a fault of the witness: it saw another head for this seq. Say so loudly, and go on with the others.
                LOG.errorf("witness %s refuses the checkpoint of room %s seq %d as a contradiction of one it countersigned before: "
                        + "this database's chain is not the one the witness saw (docs/evidence.md)", target.name, checkpoint.roomId(), checkpoint.seq());
                refusal = "room " + checkpoint.roomId() + " seq " + checkpoint.seq() + ": " + answer.problem();
                continue;
            }
            if (answer.countersignature() == null) {
                failed(target, answer.problem());
                return kept;
            }
            Countersignature countersignature = answer.countersignature();
            PublicKey key = pinned.get(countersignature.kid());
            if (key == null || !countersignature.verifies(checkpoint, key)) {
                failed(target, "the answer for room " + checkpoint.roomId() + " seq " + checkpoint.seq()
                        + " does not verify with the witness's pinned keys (kid " + printable(countersignature.kid()) + ")");
                return kept;
            }
            QuarkusTransaction.requiringNew().run(() -> keep(checkpoint, target.id, countersignature));
            kept++;
        }
        String lastError = refusal;
        if (target.failures > 0 || lastError != null || target.lastError != null) {
            QuarkusTransaction.requiringNew().run(() -> {
                WitnessTarget row = WitnessTarget.findById(target.id);
                row.failures = 0;
                row.nextAttemptAt = null;
                row.lastError = lastError == null ? null : "refused as a contradiction: " + lastError;
            });
        }
        return kept;
    }

    private static List<Checkpoint> pending(UUID targetId) {
        List<?> rows = WitnessTarget.getEntityManager().createNativeQuery(PENDING).setParameter("target", targetId).setMaxResults(BATCH)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Checkpoint(Checkpointer.uuid(r[0]).toString(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5])).toList();
    }

    private static void keep(Checkpoint checkpoint, UUID targetId, Countersignature countersignature) {
        CheckpointCountersignature.getEntityManager().createNativeQuery("""
                INSERT INTO checkpoint_countersignature (room_id, seq, target_id, witness, witnessed_at, kid, signature)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING""")
                .setParameter(1, UUID.fromString(checkpoint.roomId())).setParameter(2, checkpoint.seq()).setParameter(3, targetId)
                .setParameter(4, countersignature.witness()).setParameter(5, countersignature.at()).setParameter(6, countersignature.kid())
                .setParameter(7, countersignature.signature()).executeUpdate();
    }

    private void failed(WitnessTarget target, String problem) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            WitnessTarget row = WitnessTarget.findById(target.id);
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(row.failures, 20));
            row.failures++;
            row.nextAttemptAt = now.plus(backoff.compareTo(LAST_BACKOFF) > 0 ? LAST_BACKOFF : backoff);
            row.lastError = problem.length() > 500 ? problem.substring(0, 500) : problem;
            if (row.failures == 1) {
                LOG.warnf("witness %s: %s; trying again with backoff", row.name, row.lastError);
            }
        });
    }

    /** What a witness answered: its countersignature, or the problem (a status, a refusal's message, no answer). */
    private record Answer(int status, Countersignature countersignature, String problem) {
    }

    private Answer post(URI url, Checkpoint checkpoint) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(checkpoint))).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            String text = new String(body, 0, Math.min(body.length, MAX_ANSWER), StandardCharsets.UTF_8);
            if (response.statusCode() != 200) {
                return new Answer(response.statusCode(), null, "HTTP " + response.statusCode() + message(text));
            }
            try {
                Countersignature answer = mapper.readValue(text, Countersignature.class);
                if (answer.seq() != checkpoint.seq() || answer.witness() == null || answer.at() == null || answer.kid() == null
                        || answer.signature() == null) {
                    return new Answer(200, null, "the answer is not a countersignature of seq " + checkpoint.seq());
                }
                return new Answer(200, answer, null);
            } catch (IOException e) {
                return new Answer(200, null, "the answer is not a countersignature (JSON {seq, witness, at, kid, signature})");
            }
        } catch (IOException e) {
            return new Answer(0, null, "no answer: " + printable(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }

    /** A refusal's own message ({@code {"error": {"code", "message"}}}, as Sitroom answers errors), cut short and made printable. */
    private String message(String body) {
        try {
            JsonNode error = mapper.readTree(body);
            if (error != null && error.path("error").path("message").isTextual()) {
                String message = printable(error.path("error").path("message").asText());
                return ": " + (message.length() > 300 ? message.substring(0, 300) + "..." : message);
            }
        } catch (IOException e) {
            // not JSON: the status says enough
        }
        return "";
    }

    private static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
    }
}
