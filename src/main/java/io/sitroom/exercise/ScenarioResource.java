package io.sitroom.exercise;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/**
 * The scenario library, for signed-in accounts (not exercise guests: the script would spoil the
 * exercise), the validator for scenario files, and uploads. An upload needs what starting an exercise
 * needs (an account: whoever creates an exercise room is its facilitator), and is validated first, at
 * the validator's rate.
 */
@Path("/api/scenarios")
@RolesAllowed(Caller.USER)
public class ScenarioResource {

    static final String[] YAML = { "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN };

    private final ScenarioCatalog catalog;
    private final ScenarioValidator validator;
    private final SecurityIdentity identity;

    public ScenarioResource(ScenarioCatalog catalog, ScenarioValidator validator, SecurityIdentity identity) {
        this.catalog = catalog;
        this.validator = validator;
        this.identity = identity;
    }

    /**
     * A scenario in the library, in its current version; {@code durationSeconds} in scenario time, as in
     * the full scenario; {@code version} 0 for a shipped or folder file, else the upload's number.
     */
    public record Summary(String id, String title, String summary, Long durationSeconds, List<String> roles, int objectives, int injects,
            int version, ScenarioCatalog.Source source) {
        static Summary of(ScenarioCatalog.Entry entry) {
            Scenario s = entry.scenario();
            return new Summary(s.id(), s.title(), s.summary(), s.duration() == null ? null : s.duration().toSeconds(),
                    s.roles().stream().map(io.sitroom.role.Role::wire).sorted().toList(), s.objectives().size(), s.injects().size(),
                    entry.version(), entry.source());
        }
    }

    public record Validation(boolean valid, List<ScenarioError> errors) {
    }

    /** One uploaded version: who uploaded it, when. */
    public record VersionInfo(int version, String title, String uploadedBy, Instant uploadedAt) {
    }

    @GET
    public List<Summary> list() {
        return catalog.entries().stream().map(Summary::of).toList();
    }

    /** The scenario in its current version, or in {@code ?version=n}. */
    @GET
    @Path("/{id}")
    public ScenarioView get(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return (version == null ? catalog.current(id) : catalog.version(id, version)).map(e -> ScenarioView.of(e.scenario()))
                .orElseThrow(() -> SitroomException.notFound("no scenario '" + id + "'" + (version == null ? "" : " in version " + version)));
    }

    @GET
    @Path("/{id}/versions")
    public List<VersionInfo> versions(@PathParam("id") String id) {
        if (catalog.current(id).isEmpty()) {
            throw SitroomException.notFound("no scenario '" + id + "'");
        }
        return catalog.uploads(id).stream().map(v -> new VersionInfo(v.version, v.title, v.uploadedBy.toString(), v.uploadedAt)).toList();
    }

    @POST
    @Path("/validate")
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN })
    public Validation validate(String yaml) {
        List<ScenarioError> errors = validator.validate(Caller.of(identity).userId(), yaml);
        return new Validation(errors.isEmpty(), errors);
    }

    /** Stores a scenario file as the next version of its id: 201, or 400 with every error the linter found. */
    @POST
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN })
    public Response upload(String yaml) {
        Caller me = Caller.of(identity);
        validator.admit(me.userId());
        return Response.status(Response.Status.CREATED).entity(catalog.upload(me.userId(), yaml)).build();
    }
}
