package io.sitroom.msel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.exercise.ScenarioCatalog;
import io.sitroom.exercise.ScenarioRejected;
import io.sitroom.exercise.ScenarioValidator;
import io.sitroom.security.Caller;

/**
 * Master scenario events lists: a scenario as a spreadsheet (.xlsx or .csv) and back. Facilitator
 * material (notes, expectations), so for accounts only, as the scenario itself: an exercise's guests
 * are refused (403).
 */
@Path("/api/scenarios")
@RolesAllowed(Caller.USER)
public class MselResource {

    private final ScenarioCatalog catalog;
    private final ScenarioValidator validator;
    private final SecurityIdentity identity;

    public MselResource(ScenarioCatalog catalog, ScenarioValidator validator, SecurityIdentity identity) {
        this.catalog = catalog;
        this.validator = validator;
        this.identity = identity;
    }

    @GET
    @Path("/{id}/msel.xlsx")
    public Response xlsx(@PathParam("id") String id, @QueryParam("version") Integer version) {
        return attachment(MselXlsx.write(table(id, version)), MselXlsx.MEDIA_TYPE, id + "-msel.xlsx");
    }

    @GET
    @Path("/{id}/msel.csv")
    public Response csv(@PathParam("id") String id, @QueryParam("version") Integer version) {
        // With a byte order mark, so that spreadsheets open it as UTF-8.
        byte[] text = ("\uFEFF" + MselCsv.write(table(id, version))).getBytes(StandardCharsets.UTF_8);
        return attachment(text, MselCsv.MEDIA_TYPE + "; charset=utf-8", id + "-msel.csv");
    }

    /**
     * A spreadsheet (by Content-Type: .xlsx or .csv) read back into a scenario file that passes the
     * linter: 200 with the YAML, or, with {@code ?upload=true}, stored as the next version of its id (201).
     * Every error at its sheet, row and column: 400.
     */
    @POST
    @Path("/import")
    @Consumes({ MselXlsx.MEDIA_TYPE, MselCsv.MEDIA_TYPE })
    public Response importMsel(@HeaderParam("Content-Type") String contentType, @QueryParam("upload") boolean upload, byte[] body) {
        Caller me = Caller.of(identity);
        validator.admit(me.userId());
        MselImport.Result result = MselImport.read(read(contentType, body));
        if (!result.errors().isEmpty()) {
            throw new ScenarioRejected(result.errors());
        }
        if (upload) {
            return Response.status(Response.Status.CREATED).entity(catalog.upload(me.userId(), result.yaml())).build();
        }
        return Response.ok(result.yaml(), "application/yaml; charset=utf-8").build();
    }

    private MselTable table(String id, Integer version) {
        return MselExport.table((version == null ? catalog.current(id) : catalog.version(id, version))
                .orElseThrow(() -> SitroomException.notFound("no scenario '" + id + "'")).scenario());
    }

    private static MselTable read(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            throw SitroomException.invalid("the spreadsheet is empty");
        }
        try {
            if (contentType != null && contentType.startsWith(MselXlsx.MEDIA_TYPE)) {
                return MselXlsx.read(new ByteArrayInputStream(body));
            }
            try (Reader reader = new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
                return MselCsv.read(skipByteOrderMark(reader));
            }
        } catch (IOException | RuntimeException e) {
            throw SitroomException.invalid("not a readable " + (contentType != null && contentType.startsWith(MselXlsx.MEDIA_TYPE)
                    ? ".xlsx workbook" : "CSV file") + ": " + e.getMessage());
        }
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static Response attachment(byte[] body, String type, String filename) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
