package io.sitroom.subscriber;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.sitroom.error.RetryLater;
import io.sitroom.error.SitroomException;
import io.sitroom.mail.FormPage;
import io.vertx.core.http.HttpServerRequest;

/**
 * Subscribing to the status page by e-mail, for anyone, without signing in and without scripts: the page's plain
 * HTML form posts here, and so may API clients with JSON. Mailed links show a page with one button that posts
 * (a mail scanner opening links changes nothing); the unsubscribe address also takes a mail client's one-click
 * POST (RFC 8058), which unsubscribes at once.
 */
@Path("/status")
@PermitAll
public class SubscriberResource {

    private static final String SENT = "If this address can receive mail, a link to confirm the subscription is on its way. "
            + "Nothing is mailed to it until the link is followed.";

    private final Subscriptions subscriptions;
    private final Template page;

    public SubscriberResource(Subscriptions subscriptions, @Location("mail/page.html") Template page) {
        this.subscriptions = subscriptions;
        this.page = page;
    }

    public record SubscribeRequest(String email) {
    }

    /** The answer to a subscription request, the same whatever the address's state. */
    public record Pending(String status, String message) {
    }

    /** The status page's form. */
    @POST
    @Path("/subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response subscribeForm(@FormParam("email") String email, @Context HttpServerRequest http) {
        try {
            subscriptions.subscribe(email, client(http));
        } catch (RetryLater e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds())
                    .entity(render("Subscribe", "Too many subscriptions were asked for from your network. Please try again later.")).build();
        } catch (SitroomException e) {
            return Response.status(e.code().httpStatus()).entity(render("Subscribe", e.getMessage())).build();
        }
        return Response.accepted(render("Check your mailbox", SENT)).build();
    }

    /** The same for API clients: {@code {"email"}} -> 202 {@code {"status": "pending", "message"}}. */
    @POST
    @Path("/subscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response subscribeJson(SubscribeRequest request, @Context HttpServerRequest http) {
        subscriptions.subscribe(request == null ? null : request.email(), client(http));
        return Response.accepted(new Pending("pending", SENT)).build();
    }

    @GET
    @Path("/confirm")
    @Produces(MediaType.TEXT_HTML)
    public String confirmPage(@QueryParam("token") String token) {
        return page.data("page", FormPage.form("Confirm your subscription", "Confirm that you want to be mailed the status page's updates.",
                "/status/confirm", token, "Confirm subscription", "/status")).render();
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public String confirm(@FormParam("token") String token) {
        return switch (subscriptions.confirm(token)) {
            case DONE -> render("Subscribed", "You are subscribed: every update published on the status page will be mailed to you. "
                    + "Each mail has a link to unsubscribe.");
            case UNKNOWN_OR_EXPIRED -> render("Subscribe", "This link is not valid any more (it was used or it expired). "
                    + "Subscribe again on the status page.");
        };
    }

    @GET
    @Path("/unsubscribe")
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribePage(@QueryParam("token") String token) {
        return page.data("page", FormPage.form("Unsubscribe", "Stop mailing the status page's updates to this address?",
                "/status/unsubscribe", token, "Unsubscribe", "/status")).render();
    }

    /**
     * Unsubscribes at once: the page's button (token in the form), or a mail client's one-click POST to the
     * List-Unsubscribe address (token in the query, body {@code List-Unsubscribe=One-Click}).
     */
    @POST
    @Path("/unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public String unsubscribe(@QueryParam("token") String queryToken, @FormParam("token") String formToken) {
        subscriptions.unsubscribe(formToken != null ? formToken : queryToken);
        // The same answer for a token that was used already: the address is not subscribed either way.
        return render("Unsubscribed", "This address is not subscribed to the status page (any more). Nothing else will be mailed to it.");
    }

    private String render(String title, String message) {
        return page.data("page", FormPage.message(title, message, "/status")).render();
    }

    private static String client(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().host();
    }
}
