package io.sitroom.playbook;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.role.Role;
import io.sitroom.security.Caller;

/** The incident types (playbooks) for signed-in accounts, and the linter for uploaded playbook files. */
@Path("/api/playbooks")
@RolesAllowed(Caller.USER)
public class PlaybookResource {

    private final PlaybookCatalog catalog;
    private final PlaybookValidator validator;
    private final SecurityIdentity identity;

    public PlaybookResource(PlaybookCatalog catalog, PlaybookValidator validator, SecurityIdentity identity) {
        this.catalog = catalog;
        this.validator = validator;
        this.identity = identity;
    }

    /** A type in the list: enough to choose one when opening a room. */
    public record Summary(String id, int version, String title, String description, String severity, List<String> roles, int steps,
            int fields) {
        static Summary of(PlaybookCatalog.Entry e) {
            Playbook p = e.playbook();
            return new Summary(p.id(), p.version(), p.title(), p.description(), p.defaultSeverity().id(),
                    p.roles().stream().map(Role::wire).sorted().toList(), p.steps().size(), p.fields().size());
        }
    }

    public record Validation(boolean valid, String sha256, List<PlaybookError> errors) {
    }

    @GET
    public List<Summary> list() {
        return catalog.all().stream().map(Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    public PlaybookView get(@PathParam("id") String id) {
        return catalog.find(id).map(PlaybookView::of).orElseThrow(() -> SitroomException.notFound("no incident type '" + id + "'"));
    }

    @POST
    @Path("/validate")
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN })
    public Validation validate(String yaml) {
        PlaybookParser.Result result = validator.validate(Caller.of(identity).userId(), yaml);
        return new Validation(result.valid(), result.sha256(), result.errors());
    }
}
