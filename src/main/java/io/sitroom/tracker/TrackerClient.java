package io.sitroom.tracker;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates issues over HTTP. The trackers' addresses are the admin's configuration (like alert integrations,
 * unlike room members' webhooks), so they are called as configured; redirects are not followed.
 */
@ApplicationScoped
public class TrackerClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_ERROR = 300;

    /** Why an issue was not created; {@code retry}: whether trying again later may help (no answer, 408, 429, 5xx). */
    public static final class Failure extends Exception {
        private final boolean retry;

        Failure(String message, boolean retry) {
            super(message, null, false, false);
            this.retry = retry;
        }

        public boolean retry() {
            return retry;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper mapper;

    public TrackerClient(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public IssueRequests.Created create(Tracker tracker, TrackerSecrets.Credentials credentials, IssueRequests.Content content) throws Failure {
        IssueRequests.Request request = switch (tracker.kind) {
            case GITHUB -> IssueRequests.github(tracker.baseUrl, tracker.target, credentials.token(), content);
            case JIRA -> IssueRequests.jira(tracker.baseUrl, tracker.target, tracker.issueType, credentials, content);
        };
        JsonNode answer = post(request);
        try {
            return switch (tracker.kind) {
                case GITHUB -> IssueRequests.githubCreated(tracker.target, answer);
                case JIRA -> IssueRequests.jiraCreated(tracker.baseUrl, answer);
            };
        } catch (IllegalArgumentException e) {
            throw new Failure(e.getMessage(), false);
        }
    }

    /**
     * The issue an earlier attempt created for this action, if the tracker has one: asked before trying again after
     * an attempt whose outcome is unknown (no answer, or a 5xx that may have come after the issue was made).
     */
    public java.util.Optional<IssueRequests.Created> find(Tracker tracker, TrackerSecrets.Credentials credentials, java.util.UUID actionId)
            throws Failure {
        try {
            return switch (tracker.kind) {
                case GITHUB -> IssueRequests.githubFound(tracker.target,
                        post(IssueRequests.githubLookup(tracker.baseUrl, tracker.target, credentials.token())), actionId);
                case JIRA -> IssueRequests.jiraFound(tracker.baseUrl,
                        post(IssueRequests.jiraLookup(tracker.baseUrl, tracker.target, credentials, actionId)));
            };
        } catch (IllegalArgumentException e) {
            throw new Failure(e.getMessage(), true);
        }
    }

    /** Sends the request (a POST with its body, a GET without) and answers the JSON of a 2xx answer. */
    private JsonNode post(IssueRequests.Request request) throws Failure {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url()).timeout(RESPONSE_TIMEOUT).header("User-Agent", "Sitroom-Trackers/1");
            if (request.body() == null) {
                builder.GET();
            } else {
                builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request.body())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        request.headers().forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("no answer from " + request.url().getHost() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", true);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            boolean retry = status == 408 || status == 429 || status >= 500;
            throw new Failure("HTTP " + status + " from " + request.url().getHost() + ": " + shorten(response.body()), retry);
        }
        try {
            return mapper.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new Failure("the answer of " + request.url().getHost() + " is not JSON", false);
        }
    }

    private static String shorten(String body) {
        String line = body == null ? "" : body.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() > MAX_ERROR ? line.substring(0, MAX_ERROR) + "…" : line;
    }
}
