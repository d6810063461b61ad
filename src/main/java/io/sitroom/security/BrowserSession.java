package io.sitroom.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * The web app's sign-in for a whole browser: its token travels in an HttpOnly cookie, not in script-readable
 * storage, so every tab of the browser shares it and a script injected into the page cannot read it. Other
 * clients keep sending {@code Authorization: Bearer}.
 *
 * <p>A cookie is sent by the browser whoever asks, so a cookie alone never authorises a state-changing request.
 * Such a request also needs the <em>proof</em>: the header {@link #HEADER}, which a page of another site cannot add
 * (a custom header makes the request need a CORS preflight, and this server approves none), and an {@code Origin},
 * when the browser sends one (always, on a {@code POST}), that is the server's own. The cookie is
 * {@code SameSite=Strict} as well, so browsers do not even send it with another site's requests.
 * docs/protocol.md ("Identity") and docs/operations.md ("Browser sessions") carry the reasoning.
 */
public final class BrowserSession {

    /** What the web app sends on every request: "a browser session, by cookie". Also the CSRF proof. */
    public static final String HEADER = "X-Sitroom-Session";
    public static final String HEADER_VALUE = "cookie";
    /** The cookie over https: {@code __Host-} makes browsers refuse it unless Secure, Path=/ and without Domain. */
    static final String SECURE_NAME = "__Host-sitroom_session";
    /** The cookie over plain http (dev mode, a local trial), where a {@code __Host-} cookie cannot be set. */
    static final String PLAIN_NAME = "sitroom_session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private BrowserSession() {
    }

    /** Whether the request asks for a browser session ({@value #HEADER}: {@value #HEADER_VALUE}). */
    public static boolean requested(Function<String, String> headers) {
        String value = headers.apply(HEADER);
        return value != null && value.strip().equalsIgnoreCase(HEADER_VALUE);
    }

    /** The session token a request's cookies carry, the {@code __Host-} one first; null if none. */
    public static String tokenOf(Map<String, String> cookies) {
        for (String name : List.of(SECURE_NAME, PLAIN_NAME)) {
            String value = cookies.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /**
     * Why a request must be refused as possibly cross-site, or null if it may go on. A request that asks for a
     * browser session must come from the server's own origin; a state-changing request that carries the
     * session cookie instead of a bearer token must also carry the proof.
     *
     * @param origin         the {@code Origin} header, or null
     * @param host           the {@code Host} header
     * @param allowedOrigins origins besides the server's own that may use it ({@code sitroom.limits.allowed-origins})
     */
    public static String refusal(String method, boolean requested, boolean carriesCookie, boolean hasBearer, String origin, String host,
            List<String> allowedOrigins) {
        if (requested) {
            return sameOrigin(origin, host, allowedOrigins) ? null : "a request from another site (Origin " + origin + ") was refused";
        }
        if (carriesCookie && !hasBearer && !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return "a request signed in by the session cookie must carry the header " + HEADER + ": " + HEADER_VALUE
                    + " (a page of another site cannot send it)";
        }
        return null;
    }

    /** An absent Origin (no browser sends none on a cross-site POST) or the server's own, or one of the allowed. */
    static boolean sameOrigin(String origin, String host, List<String> allowedOrigins) {
        if (origin == null) {
            return true;
        }
        if (allowedOrigins.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin))) {
            return true;
        }
        try {
            String authority = URI.create(origin).getAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The cookie that carries {@code token}: HttpOnly, SameSite=Strict, for the whole site, and Secure (named
     * {@code __Host-}) when the browser reached the server over https. No Max-Age: it ends with the browser
     * session, and the token's own expiry bounds it anyway.
     */
    public static String cookie(String token, boolean https) {
        return base(https ? SECURE_NAME : PLAIN_NAME, token, https).encode();
    }

    /** Set-Cookie values that delete the session cookie (both names: the scheme may have changed since it was set). */
    public static List<String> cleared(boolean https) {
        return List.of(base(PLAIN_NAME, "", false).setMaxAge(0).encode(), base(SECURE_NAME, "", true).setMaxAge(0).encode())
                .stream().filter(c -> https || !c.startsWith(SECURE_NAME)).toList();
    }

    private static Cookie base(String name, String value, boolean secure) {
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.STRICT);
    }
}
