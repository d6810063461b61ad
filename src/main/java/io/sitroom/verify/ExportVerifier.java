package io.sitroom.verify;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sitroom.chain.ChainHash;
import io.sitroom.chain.Checkpoint;
import io.sitroom.chain.Countersignature;
import io.sitroom.verify.ExportReader.Export;
import io.sitroom.verify.ExportReader.Link;

/**
 * Verifies the hash chain of a Sitroom JSON export offline, with nothing but the JDK: for every
 * event it rebuilds the canonical JSON, recomputes {@code sha256(prevHash + canonical)} and checks
 * the links; a redacted event (one the exporter could not see) is checked as a link only.
 * Run it as {@code java -jar quarkus-run.jar verify export.json}. The chain's rules are the
 * server's own ({@link ChainHash}, {@link io.sitroom.chain.ChainEvent}, {@link io.sitroom.json.CanonicalForm}),
 * which, like this package, use no library on purpose, so that an auditor can read and rerun it
 * (docs/protocol.md, "Hash chain"). The file is read strictly ({@link StrictJson}, {@link ExportReader}):
 * what cannot be read without guessing is refused rather than verified.
 */
public final class ExportVerifier {

    /**
     * The outcome: {@code firstBadSeq} is null when the chain and its checkpoints are whole; else every
     * link before it checks out, and the chain (or a checkpoint at it) does not. {@code signedThrough} is
     * the highest seq a verified checkpoint signs (0 when none).
     */
    public record Result(boolean ok, int events, int redacted, String headHash, Long firstBadSeq, String reason, int checkpoints,
            long signedThrough, Witnessed witnessed, Proven proven) {

        Result proving(Proven proven) {
            return new Result(ok && proven.disagreement() == null, events, redacted, headHash, firstBadSeq,
                    proven.disagreement() == null ? reason : proven.disagreement(), checkpoints, signedThrough, witnessed, proven);
        }
    }

    /**
     * The readable sections, derived again from the verified events and compared with the file: {@code sections}
     * those that agree (by path, as {@code room.decisions}), {@code unproven} those the file has that this
     * verifier does not derive, and {@code disagreement} the first field where the file and the events part
     * (null when none): then the export as a whole does not verify.
     */
    public record Proven(List<String> sections, List<String> unproven, String disagreement) {

        static final Proven NONE = new Proven(List.of(), List.of(), null);
    }

    /**
     * The witnesses' countersignatures that verified: how many, by which witnesses (their signed names, in
     * order of first appearance), and the highest seq a witness countersigned (0 when none).
     */
    public record Witnessed(int countersignatures, List<String> witnesses, long through) {

        static final Witnessed NONE = new Witnessed(0, List.of(), 0);
    }

    private ExportVerifier() {
    }

    /**
     * The command line: exit 0 when the chain is whole, 1 when it is broken, 2 when the file cannot
     * be read or is not a valid export (one line on standard error, never a stack trace). With
     * {@code --document}, a verified export then decides whether the Markdown or HTML document given is its
     * rendering ({@link DocumentMatch}): exit 0 when it is, 1 when it is of another head or differs.
     */
    public static int run(String... args) {
        String exportFile = args.length % 2 == 1 ? args[0] : null;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; exportFile != null && i < args.length; i += 2) {
            if (!List.of("--keys", "--witness-keys", "--document").contains(args[i]) || options.put(args[i], args[i + 1]) != null) {
                exportFile = null;
            }
        }
        if (exportFile == null) {
            System.err.println("usage: java -jar quarkus-run.jar verify <export.json> [--keys <jwks.json>] [--witness-keys <jwks.json>]"
                    + " [--document <retrospective.md|.html>]");
            return 2;
        }
        String file = exportFile;
        try {
            String exportJson = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            Map<String, PublicKey> trusted = null;
            Map<String, PublicKey> trustedWitnesses = null;
            if (options.containsKey("--keys")) {
                file = options.get("--keys");
                trusted = ExportReader.readKeys(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            }
            if (options.containsKey("--witness-keys")) {
                file = options.get("--witness-keys");
                trustedWitnesses = ExportReader.readKeys(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            }
            String document = null;
            DocumentRenderer renderer = null;
            if (options.containsKey("--document")) {
                file = options.get("--document");
                document = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                renderer = DocumentMatch.renderer();
                if (renderer == null) {
                    return cannotVerify(file, "--document needs the packaged application's libraries (java -jar quarkus-run.jar verify ...)");
                }
            }
            file = exportFile;
            Export export = ExportReader.read(exportJson);
            Result result = check(export, trusted, trustedWitnesses);
            if (result.ok()) {
                long erased = export.links().stream().filter(Link::erased).count();
                System.out.println("ok: " + result.events() + " events (" + result.redacted() + " redacted"
                        + (erased > 0 ? ", " + erased + " erased" : "") + "), head " + result.headHash());
                if (result.checkpoints() > 0) {
                    System.out.println("signed: " + result.checkpoints() + " checkpoints, through seq " + result.signedThrough()
                            + (trusted != null ? ", with the keys in " + options.get("--keys")
                                    : ", with the keys the export carries (pin the server's keys with --keys to rule out a rewritten database)"));
                } else {
                    System.out.println("signed: no checkpoint");
                }
                Witnessed witnessed = result.witnessed();
                if (witnessed.countersignatures() > 0) {
                    System.out.println("witnessed: " + witnessed.countersignatures() + " countersignatures by " + String.join(", ", witnessed.witnesses())
                            + ", through seq " + witnessed.through()
                            + (trustedWitnesses != null ? ", with the keys in " + options.get("--witness-keys")
                                    : ", with the witness keys the export carries (pin each witness's keys with --witness-keys)"));
                } else {
                    System.out.println("witnessed: no countersignature");
                }
                Proven proven = result.proven();
                System.out.println("proven: " + (proven.sections().isEmpty() ? "no readable section"
                        : proven.sections().size() + " readable sections agree with the events (" + String.join(", ", proven.sections()) + ")")
                        + (proven.unproven().isEmpty() ? "" : "; not derived again: " + String.join(", ", proven.unproven())));
                if (document != null) {
                    // Only a verified export is rendered: the document is then as good as the export it matches.
                    DocumentMatch.Outcome outcome = DocumentMatch.check(options.get("--document"), document, export, exportJson, renderer);
                    System.out.println(outcome.line());
                    return outcome.matches() ? 0 : 1;
                }
                return 0;
            }
            if (result.firstBadSeq() == null) {
                System.out.println("DISAGREES with its events: " + result.reason());
                return 1;
            }
            System.out.println("BROKEN at seq " + result.firstBadSeq() + ": " + result.reason());
            return 1;
        } catch (IOException e) {
            return cannotVerify(file, reason(e));
        } catch (IllegalArgumentException e) {
            return cannotVerify(file, e.getMessage());
        } catch (RuntimeException e) {
            // A bug here must still end in one line and exit 2: an auditor's script reads the exit code.
            return cannotVerify(file, "unexpected " + e);
        }
    }

    private static int cannotVerify(String file, String reason) {
        System.err.println(("cannot verify " + file + ": " + reason).replaceAll("[\\r\\n]+", " "));
        return 2;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof CharacterCodingException) {
            return "the file is not UTF-8 text";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Checks an export's chain.
     *
     * @throws IllegalArgumentException when the text is not strict JSON or not a valid export, with a one-line reason
     */
    public static Result verify(String exportJson) {
        return check(ExportReader.read(exportJson), null, null);
    }

    /**
     * Checks an export's chain, and its checkpoints against the keys of the JWK Set {@code jwksJson}
     * (the keys the reader trusts) instead of the keys the export carries.
     *
     * @throws IllegalArgumentException when either text is not what it should be, with a one-line reason
     */
    public static Result verify(String exportJson, String jwksJson) {
        return check(ExportReader.read(exportJson), ExportReader.readKeys(jwksJson), null);
    }

    /**
     * Checks an export's chain, its checkpoints and its witnesses' countersignatures, each against the JWK
     * Set given (the keys the reader trusts) or, where it is null, the keys the export carries.
     *
     * @throws IllegalArgumentException when a text is not what it should be, with a one-line reason
     */
    public static Result verify(String exportJson, String jwksJson, String witnessJwksJson) {
        return check(ExportReader.read(exportJson), jwksJson == null ? null : ExportReader.readKeys(jwksJson),
                witnessJwksJson == null ? null : ExportReader.readKeys(witnessJwksJson));
    }

    private static Result check(Export export, Map<String, PublicKey> trustedKeys, Map<String, PublicKey> trustedWitnessKeys) {
        Result chain = checkChain(export);
        if (!chain.ok()) {
            return chain;
        }
        Result signed = checkCheckpoints(export, chain, trustedKeys != null ? trustedKeys : export.keys());
        if (!signed.ok()) {
            return signed;
        }
        Result witnessed = checkCountersignatures(export, signed, trustedWitnessKeys != null ? trustedWitnessKeys : export.witnessKeys());
        return witnessed.ok() ? witnessed.proving(ReadableProof.check(export)) : witnessed;
    }

    /**
     * Each countersignature must be of a checkpoint the export carries (those are verified and on the chain
     * by now), by a known witness key, and verify: a witness's statement that it saw that exact checkpoint
     * at the time it signs.
     */
    private static Result checkCountersignatures(Export export, Result signed, Map<String, PublicKey> witnessKeys) {
        Map<Long, Checkpoint> bySeq = new HashMap<>();
        export.checkpoints().forEach(c -> bySeq.put(c.seq(), c));
        Set<String> witnesses = new LinkedHashSet<>();
        long through = 0;
        for (Countersignature countersignature : export.countersignatures()) {
            long seq = countersignature.seq();
            String named = "the countersignature of seq " + seq + " by witness " + StrictJson.quoted(countersignature.witness());
            Checkpoint checkpoint = bySeq.get(seq);
            if (checkpoint == null) {
                return broken(export, Math.max(1, Math.min(seq, export.headSeq())), named + " is of no checkpoint the export carries");
            }
            PublicKey key = witnessKeys.get(countersignature.kid());
            if (key == null) {
                return broken(export, seq, named + " is signed by key " + countersignature.kid() + ", which is not among the witness keys");
            }
            if (!countersignature.verifies(checkpoint, key)) {
                return broken(export, seq, named + " does not verify with key " + countersignature.kid() + ": it was forged or changed");
            }
            witnesses.add(countersignature.witness());
            through = Math.max(through, seq);
        }
        return new Result(true, signed.events(), signed.redacted(), signed.headHash(), null, null, signed.checkpoints(), signed.signedThrough(),
                new Witnessed(export.countersignatures().size(), List.copyOf(witnesses), through), Proven.NONE);
    }

    /**
     * Each checkpoint must be the room's, signed by a known key, and on the chain: the event at its seq has
     * exactly the hash it signs. A log rewritten after a checkpoint, however consistently, fails here, and so
     * does an export cut short before it.
     */
    private static Result checkCheckpoints(Export export, Result chain, Map<String, PublicKey> keys) {
        long signedThrough = 0;
        for (Checkpoint checkpoint : export.checkpoints()) {
            long seq = checkpoint.seq();
            String signed = "the checkpoint of seq " + seq + " signed at " + checkpoint.at();
            if (!checkpoint.roomId().equals(export.roomId())) {
                return broken(export, seq, signed + " is for another room");
            }
            PublicKey key = keys.get(checkpoint.kid());
            if (key == null) {
                return broken(export, seq, signed + " is signed by key " + checkpoint.kid() + ", which is not among the keys");
            }
            if (!checkpoint.verifies(key)) {
                return broken(export, seq, signed + " does not verify with key " + checkpoint.kid() + ": it was forged or changed");
            }
            if (seq < 1 || seq > export.headSeq()) {
                return broken(export, Math.max(1, Math.min(seq, export.headSeq() + 1)),
                        signed + " is past the export's head (seq " + export.headSeq() + "): events were taken off its end");
            }
            if (!export.links().get((int) seq - 1).hash().equals(checkpoint.headHash())) {
                return broken(export, seq, "the chain does not pass through " + signed + ": the log was rewritten after it was signed");
            }
            signedThrough = Math.max(signedThrough, seq);
        }
        return new Result(true, chain.events(), chain.redacted(), chain.headHash(), null, null, export.checkpoints().size(), signedThrough,
                Witnessed.NONE, Proven.NONE);
    }

    private static Result checkChain(Export export) {
        List<Link> links = export.links();
        String previous = ChainHash.GENESIS;
        long expectedSeq = 1;
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            if (link.seq() != expectedSeq) {
                return broken(export, expectedSeq, "expected seq " + expectedSeq + " here, found seq " + link.seq());
            }
            boolean hashMatches = link.redacted() || link.event().hash(link.prevHash()).equals(link.hash());
            if (!link.prevHash().equals(previous)) {
                // A redacted link's hash cannot be recomputed; when the next link is intact, it is the one that changed.
                if (i > 0 && links.get(i - 1).redacted() && hashMatches) {
                    return broken(export, link.seq() - 1, "the redacted link's hash is not the prevHash of seq " + link.seq());
                }
                return broken(export, link.seq(), "prevHash is not the hash of the event before it");
            }
            if (!hashMatches) {
                return broken(export, link.seq(), "the event's content does not match its hash");
            }
            previous = link.hash();
            expectedSeq++;
        }
        // An erased event is whole only where the chain records its erasure: content gone without an
        // event.erased naming it was removed behind the log's back (the hash alone cannot tell).
        Set<Long> erasures = ReadableProof.erasuresRecorded(links);
        for (Link link : links) {
            if (link.erased() && !erasures.contains(link.seq())) {
                return broken(export, link.seq(), "the event's content was erased, but no later event.erased in the chain names it");
            }
        }
        long last = expectedSeq - 1;
        if (export.headSeq() != last) {
            return broken(export, Math.min(export.headSeq(), last) + 1, "the head is seq " + export.headSeq() + " but the last event is seq " + last);
        }
        if (!export.headHash().equals(previous)) {
            if (!links.isEmpty() && links.get(links.size() - 1).redacted()) {
                return broken(export, last, "the redacted link's hash is not the head hash");
            }
            return broken(export, last + 1, "the head hash is not the last event's hash");
        }
        return new Result(true, links.size(), redacted(export), previous, null, null, 0, 0, Witnessed.NONE, Proven.NONE);
    }

    private static Result broken(Export export, long seq, String reason) {
        return new Result(false, export.links().size(), redacted(export), null, seq, reason, 0, 0, Witnessed.NONE, Proven.NONE);
    }

    private static int redacted(Export export) {
        return (int) export.links().stream().filter(Link::redacted).count();
    }
}
