package io.sitroom.statuspage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The public page's answers, rendered once per version of the page and served from memory: thousands of
 * readers a second cost one query a {@code recheck} interval (is the version still the one rendered?). A
 * change committed on this node drops the answers at once ({@link StatusPageChanged}); one committed on
 * another node moved the version row, which the next check sees. While one request renders a new
 * version, the others are answered from the previous one rather than waiting for it.
 */
@ApplicationScoped
public class StatusPage {

    /** The page's documents, with their media types. */
    public enum Document {
        HTML("text/html; charset=utf-8"),
        ATOM("application/atom+xml; charset=utf-8"),
        STATUS("application/json"),
        SUMMARY("application/json"),
        INCIDENTS("application/json"),
        UNRESOLVED("application/json");

        private final String contentType;

        Document(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** An answer: the body (absent for 304), its strong ETag and how long it may be kept. */
    public record Answer(boolean notModified, byte[] body, String contentType, String etag, String cacheControl) {
    }

    private record Rendered(byte[] body, String etag) {
    }

    private record Built(long version, Map<Document, Rendered> documents) {
    }

    private final StatusPageReader reader;
    private final StatusPageRenderer renderer;
    private final long recheckNanos;
    private final String cacheControl;
    private final AtomicBoolean rendering = new AtomicBoolean();
    private volatile Built built;
    private volatile boolean stale = true;
    private volatile long checkedAt;

    StatusPage(StatusPageReader reader, StatusPageRenderer renderer, StatusPageConfig config) {
        this.reader = reader;
        this.renderer = renderer;
        this.recheckNanos = config.recheck().toNanos();
        this.cacheControl = "public, max-age=" + config.maxAge().toSeconds();
    }

    /** The document, or "not modified" when {@code ifNoneMatch} names its current ETag. */
    public Answer answer(Document document, String ifNoneMatch) {
        Rendered rendered = current().documents().get(document);
        boolean notModified = matches(ifNoneMatch, rendered.etag());
        return new Answer(notModified, notModified ? null : rendered.body(), document.contentType(), rendered.etag(), cacheControl);
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusPageChanged changed) {
        stale = true;
    }

    private Built current() {
        Built known = built;
        if (known != null && !stale && System.nanoTime() - checkedAt < recheckNanos) {
            return known;
        }
        if (!rendering.compareAndSet(false, true)) {
            if (known != null) {
                return known; // another request is checking or rendering: this one takes the answers it has
            }
            synchronized (this) {
                return built != null ? built : refresh();
            }
        }
        try {
            synchronized (this) {
                return refresh();
            }
        } finally {
            rendering.set(false);
        }
    }

    /** Checks the version, rendering again when it moved. Called holding the monitor. */
    private Built refresh() {
        stale = false; // a change committed from now on marks it again
        Built known = built;
        StatusPageModel model = reader.readIfChanged(known == null ? -1 : known.version());
        checkedAt = System.nanoTime();
        if (model == null) {
            return known;
        }
        Map<Document, Rendered> documents = new EnumMap<>(Document.class);
        renderer.render(model).forEach((document, body) -> documents.put(document, new Rendered(body, etag(body))));
        Built fresh = new Built(model.version(), documents);
        built = fresh;
        return fresh;
    }

    /** A strong ETag of the bytes: equal on every node that renders the same version. */
    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an If-None-Match header (a list of tags, weak ones too, or {@code *}) names this tag. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
