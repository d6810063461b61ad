package io.sitroom.exercise;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/** The after-action report of an exercise: {@code ?format=markdown} (the default) or {@code json}. */
@Path("/api/rooms/{id}/report")
@Authenticated
public class ReportResource {

    private final ReportService reports;
    private final SecurityIdentity identity;

    public ReportResource(ReportService reports, SecurityIdentity identity) {
        this.reports = reports;
        this.identity = identity;
    }

    @GET
    public Response get(@PathParam("id") UUID roomId, @QueryParam("format") String format) {
        AfterActionReport report = reports.report(roomId, Caller.of(identity).userId());
        if (format == null || format.equals("markdown")) {
            return Response.ok(report.toMarkdown(), "text/markdown; charset=utf-8").build();
        }
        if (format.equals("json")) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        throw SitroomException.invalid("format must be markdown or json");
    }

    /** Turns the improvement plan's rows into action items owned by their roles. */
    @POST
    @Path("/actions")
    public List<ReportService.PlannedAction> planActions(@PathParam("id") UUID roomId) {
        return reports.createPlanActions(roomId, Caller.of(identity).userId());
    }
}
