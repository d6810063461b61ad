package io.sitroom.exercise;

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
import io.sitroom.security.Caller;

/**
 * The scenario library, for signed-in accounts (not exercise guests: the script would spoil the
 * exercise), and the validator for uploaded scenario files (rate-limited per account).
 */
@Path("/api/scenarios")
@RolesAllowed(Caller.USER)
public class ScenarioResource {

    private final ScenarioCatalog catalog;
    private final ScenarioValidator validator;
    private final SecurityIdentity identity;

    public ScenarioResource(ScenarioCatalog catalog, ScenarioValidator validator, SecurityIdentity identity) {
        this.catalog = catalog;
        this.validator = validator;
        this.identity = identity;
    }

    /** A scenario in the library; {@code durationSeconds} in scenario time, as in the full scenario. */
    public record Summary(String id, String title, String summary, Long durationSeconds, List<String> roles, int objectives, int injects) {
        static Summary of(Scenario s) {
            return new Summary(s.id(), s.title(), s.summary(), s.duration() == null ? null : s.duration().toSeconds(),
                    s.roles().stream().map(io.sitroom.role.Role::wire).sorted().toList(), s.objectives().size(), s.injects().size());
        }
    }

    public record Validation(boolean valid, List<ScenarioError> errors) {
    }

    @GET
    public List<Summary> list() {
        return catalog.all().stream().map(Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    public ScenarioView get(@PathParam("id") String id) {
        return catalog.find(id).map(ScenarioView::of).orElseThrow(() -> SitroomException.notFound("no scenario '" + id + "'"));
    }

    @POST
    @Path("/validate")
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN })
    public Validation validate(String yaml) {
        List<ScenarioError> errors = validator.validate(Caller.of(identity).userId(), yaml);
        return new Validation(errors.isEmpty(), errors);
    }
}
