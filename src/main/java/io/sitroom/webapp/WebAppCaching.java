package io.sitroom.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * How browsers may keep the web app (frontend/, built by Vite, served at {@code /}):
 * <ul>
 * <li>its pages ({@code index.html}, which client-side routing serves for every path it owns) are never used
 * without asking: {@code no-cache} with an ETag of this build's page, so a reload after a deploy gets the new page
 * (and its new asset names), and one without a deploy costs a 304;</li>
 * <li>its assets under {@code /assets/} carry their content's hash in their names: a new build has new names, so
 * each may be kept for a year without asking ({@code immutable}).</li>
 * </ul>
 * The static handler's own header ({@code public, immutable, max-age=86400} on everything) is replaced as the
 * answer's headers are written.
 */
@ApplicationScoped
public class WebAppCaching {

    static final String ASSETS = "/assets/";
    static final String PAGE = "no-cache";
    static final String HASHED_ASSET = "public, max-age=31536000, immutable";

    /** The ETag of this build's index.html (null when the web app was not built into this package). */
    private final String pageTag;

    public WebAppCaching() {
        this.pageTag = tagOf("META-INF/resources/index.html");
    }

    void register(@Observes Router router) {
        router.route().order(-300).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpMethod method = context.request().method();
        String path = context.normalizedPath();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !servedByWebApp(path)) {
            context.next();
            return;
        }
        if (path.startsWith(ASSETS)) {
            context.addHeadersEndHandler(v -> {
                if (context.response().getStatusCode() == 200 || context.response().getStatusCode() == 304) {
                    context.response().putHeader(HttpHeaders.CACHE_CONTROL, HASHED_ASSET);
                }
            });
            context.next();
            return;
        }
        if (pageTag != null && pageTag.equals(context.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            context.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, pageTag).putHeader(HttpHeaders.CACHE_CONTROL, PAGE).end();
            return;
        }
        context.addHeadersEndHandler(v -> {
            context.response().putHeader(HttpHeaders.CACHE_CONTROL, PAGE);
            if (pageTag != null && isPage(context)) {
                context.response().putHeader(HttpHeaders.ETAG, pageTag);
                // The ETag decides; the static handler's Last-Modified would let a stale page through on If-Modified-Since.
                context.response().headers().remove(HttpHeaders.LAST_MODIFIED);
            }
        });
        context.next();
    }

    /** Paths the web app answers: everything but the API, the sockets, the platform's endpoints and the public status page. */
    static boolean servedByWebApp(String path) {
        return path != null && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/ws/")
                && !path.startsWith("/q/") && !path.equals("/q") && !path.equals("/status") && !path.startsWith("/status/");
    }

    private static boolean isPage(RoutingContext context) {
        String type = context.response().headers().get(HttpHeaders.CONTENT_TYPE);
        return type != null && type.startsWith("text/html");
    }

    private static String tagOf(String resource) {
        try (InputStream page = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (page == null) {
                return null;
            }
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(page.readAllBytes());
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
