package io.sitroom.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.mail.FormPage;

/**
 * The signed-in person's e-mail address: read it, set it (a confirmation link is mailed), and the link's page.
 * Following the link shows a button that confirms (a POST), so a mail scanner that opens links confirms nothing.
 */
@Path("/api/account/email")
public class AccountEmailResource {

    private final AccountEmail emails;
    private final SecurityIdentity identity;
    private final Template page;

    public AccountEmailResource(AccountEmail emails, SecurityIdentity identity, @Location("mail/page.html") Template page) {
        this.emails = emails;
        this.identity = identity;
        this.page = page;
    }

    public record EmailRequest(String email) {
    }

    @GET
    @RolesAllowed(Caller.USER)
    @Produces(MediaType.APPLICATION_JSON)
    public AccountEmail.EmailView get() {
        return emails.view(Caller.of(identity).userId());
    }

    /** {@code {"email"}}: sets the address, unverified until the mailed link is followed; blank or null removes it. */
    @PUT
    @RolesAllowed(Caller.USER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AccountEmail.EmailView set(EmailRequest request) {
        if (request == null) {
            throw SitroomException.invalid("a body {\"email\": ...} is required");
        }
        return emails.set(Caller.of(identity), request.email());
    }

    /** The mailed link's page: a button that confirms. */
    @GET
    @Path("/confirm")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public String confirmPage(@QueryParam("token") String token) {
        return page.data("page", FormPage.form("Confirm your e-mail address", "Confirm that this address is yours.",
                "/api/account/email/confirm", token, "Confirm", null)).render();
    }

    @POST
    @Path("/confirm")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public String confirm(@FormParam("token") String token) {
        String message = switch (emails.confirm(token)) {
            case CONFIRMED -> "Your e-mail address is confirmed. Sitroom will mail your notifications to it.";
            case TAKEN -> "Another account has already confirmed this address, so it was not confirmed for yours.";
            case UNKNOWN_OR_EXPIRED -> "This link is not valid any more (it was used, it expired, or the address was changed since).";
        };
        return page.data("page", FormPage.message("E-mail address", message, null)).render();
    }
}
