package io.sitroom.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A small OpenID Connect issuer on 127.0.0.1 for tests, written with the JDK alone: discovery, JWKS, an
 * authorization endpoint that signs in whoever the test named with {@link #nextSignIn} (no login page), and a
 * token endpoint that checks the client's secret, the redirect URI and PKCE (S256) and answers an RS256-signed
 * ID token carrying the request's nonce. Started before Quarkus boots; it hands Quarkus the config that
 * switches company sign-in on.
 */
public class LocalOidcIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "sitroom-test";
    public static final String CLIENT_SECRET = "a-client-secret-of-at-least-32-characters";
    public static final String PROVIDER_NAME = "Test IdP";
    private static final String KID = "test-key-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The running issuer (one per test JVM run of the class using it). */
    public static volatile LocalOidcIssuer current;

    public enum Tamper {
        NONE, BAD_SIGNATURE, WRONG_AUDIENCE
    }

    /** Who the authorization endpoint signs in next, and how their ID token is spoiled (if at all). */
    public record Person(String subject, String name, String preferredUsername, String email, Tamper tamper) {
        public Person(String subject, String name, String preferredUsername, String email) {
            this(subject, name, preferredUsername, email, Tamper.NONE);
        }
    }

    /** What the token endpoint saw: to check that the app used PKCE and a nonce. */
    public record Exchange(String code, boolean clientAuthenticated, boolean pkceVerified, String nonce) {
    }

    private record Grant(Person person, String clientId, String redirectUri, String nonce, String codeChallenge) {
    }

    private final KeyPair key = rsa();
    private final KeyPair rogueKey = rsa();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private volatile Person next;
    /** While false, the provider is "down": every endpoint answers 503 (init arg {@code down-at-start=true} starts it so). */
    private volatile boolean available = true;
    private final Map<String, String> extraConfig = new LinkedHashMap<>();
    private HttpServer server;
    private String issuer;

    public String issuer() {
        return issuer;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    /** {@code down-at-start=true}; any other argument is handed to the app as config (e.g. sitroom.oidc.probe-interval). */
    @Override
    public void init(Map<String, String> args) {
        args.forEach((name, value) -> {
            if (name.equals("down-at-start")) {
                available = !Boolean.parseBoolean(value);
            } else {
                extraConfig.put(name, value);
            }
        });
    }

    public void nextSignIn(Person person) {
        this.next = person;
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", whileUp(ex -> json(ex, 200, discovery())));
        server.createContext("/jwks", whileUp(ex -> json(ex, 200, Map.of("keys", List.of(jwk((RSAPublicKey) key.getPublic()))))));
        server.createContext("/authorize", whileUp(this::authorize));
        server.createContext("/token", whileUp(this::token));
        server.start();
        current = this;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.auth-server-url", issuer);
        config.put("quarkus.oidc.client-id", CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", CLIENT_SECRET);
        config.put("sitroom.oidc.provider-name", PROVIDER_NAME);
        config.putAll(extraConfig);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        current = null;
    }

    private com.sun.net.httpserver.HttpHandler whileUp(com.sun.net.httpserver.HttpHandler handler) {
        return ex -> {
            if (available) {
                handler.handle(ex);
            } else {
                json(ex, 503, Map.of("error", "temporarily_unavailable"));
            }
        };
    }

    private Map<String, Object> discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", issuer + "/authorize");
        d.put("token_endpoint", issuer + "/token");
        d.put("jwks_uri", issuer + "/jwks");
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        d.put("scopes_supported", List.of("openid", "profile", "email"));
        return d;
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = params(ex.getRequestURI().getRawQuery());
        Person person = next;
        if (person == null || !"code".equals(q.get("response_type")) || !CLIENT_ID.equals(q.get("client_id"))
                || q.get("redirect_uri") == null || q.get("state") == null || q.get("code_challenge") == null
                || !"S256".equals(q.get("code_challenge_method")) || !String.valueOf(q.get("scope")).contains("openid")) {
            json(ex, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = randomString();
        grants.put(code, new Grant(person, q.get("client_id"), q.get("redirect_uri"), q.get("nonce"), q.get("code_challenge")));
        String location = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + enc(code) + "&state="
                + enc(q.get("state"));
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        boolean clientOk = CLIENT_ID.equals(clientId) && CLIENT_SECRET.equals(secret);
        Grant grant = form.get("code") == null ? null : grants.remove(form.get("code")); // a code works once
        boolean pkceOk = grant != null && form.get("code_verifier") != null
                && s256(form.get("code_verifier")).equals(grant.codeChallenge());
        exchanges.add(new Exchange(form.get("code"), clientOk, pkceOk, grant == null ? null : grant.nonce()));
        if (!clientOk) {
            json(ex, 401, Map.of("error", "invalid_client"));
            return;
        }
        if (grant == null || !"authorization_code".equals(form.get("grant_type")) || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !pkceOk) {
            json(ex, 400, Map.of("error", "invalid_grant"));
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", grant.person().subject());
        claims.put("aud", grant.person().tamper() == Tamper.WRONG_AUDIENCE ? "some-other-client" : CLIENT_ID);
        claims.put("azp", CLIENT_ID);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        if (grant.nonce() != null) {
            claims.put("nonce", grant.nonce());
        }
        putIfSet(claims, "name", grant.person().name());
        putIfSet(claims, "preferred_username", grant.person().preferredUsername());
        putIfSet(claims, "email", grant.person().email());
        String idToken = sign(claims, grant.person().tamper() == Tamper.BAD_SIGNATURE ? rogueKey : key);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", randomString());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 300);
        answer.put("id_token", idToken);
        json(ex, 200, answer);
    }

    private static void putIfSet(Map<String, Object> claims, String name, String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

    private static String sign(Map<String, Object> claims, KeyPair with) {
        try {
            String header = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", KID)));
            String payload = b64(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(with.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> jwk(RSAPublicKey key) {
        return Map.of("kty", "RSA", "kid", KID, "use", "sig", "alg", "RS256", "n", b64(unsigned(key.getModulus())), "e",
                b64(unsigned(key.getPublicExponent())));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String s256(String verifier) {
        try {
            return b64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomString() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return b64(bytes);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> params(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The state an authorization request carried (for tests that forge a callback). */
    public static String queryParam(URI uri, String name) {
        return params(uri.getRawQuery()).get(name);
    }
}
