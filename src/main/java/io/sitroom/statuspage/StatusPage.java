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

    /** An answer: the body (absent for 304), gzipped or not, its strong ETag and how long it may be kept. */
    public record Answer(boolean notModified, byte[] body, boolean gzip, String contentType, String etag, String cacheControl) {
    }

    /**
     * A document at one version, as is and gzipped once: compressing 60 KB for every request of a thousand a
     * second would cost the node far more than everything else the page does. Each form has its own strong ETag.
     */
    private record Rendered(byte[] body, String etag, byte[] gzipped, String gzipEtag) {
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

    /**
     * The document, gzipped when {@code acceptEncoding} accepts gzip, or "not modified" when {@code ifNoneMatch}
     * names its current ETag (either form's: both stand for the same version).
     */
    public Answer answer(Document document, String ifNoneMatch, String acceptEncoding) {
        Rendered rendered = current().documents().get(document);
        boolean gzip = acceptsGzip(acceptEncoding);
        String etag = gzip ? rendered.gzipEtag() : rendered.etag();
        boolean notModified = matches(ifNoneMatch, rendered.etag()) || matches(ifNoneMatch, rendered.gzipEtag());
        return new Answer(notModified, notModified ? null : gzip ? rendered.gzipped() : rendered.body(), gzip, document.contentType(), etag,
                cacheControl);
    }

    /** Whether an Accept-Encoding header accepts gzip (named, or {@code *}, without {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts.length == 0 ? "" : parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("gzip") && !name.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim().replace(" ", "");
                refused |= param.matches("q=0(\\.0{0,3})?");
            }
            return !refused;
        }
        return false;
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
        renderer.render(model).forEach((document, body) -> {
            String etag = etag(body);
            documents.put(document, new Rendered(body, etag, gzip(body), etag.substring(0, etag.length() - 1) + "-gzip\""));
        });
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

    private static byte[] gzip(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 4 + 64);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
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
