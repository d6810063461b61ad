package io.sitroom.security;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.sitroom.audit.AuditLog;

/** The audit log, for the admin, newest first (an admin endpoint: the audit log itself is below accounts, which record into it). */
@Path("/api/audit")
@RolesAllowed(Caller.ADMIN)
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public List<AuditLog.Entry> list(@QueryParam("limit") Integer limit, @QueryParam("action") String action) {
        return audit.newest(limit == null ? 100 : limit, action == null || action.isBlank() ? null : action.strip());
    }
}
