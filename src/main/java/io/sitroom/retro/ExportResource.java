package io.sitroom.retro;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.sitroom.error.SitroomException;
import io.sitroom.security.Caller;

/**
 * The retrospective of a room: {@code ?format=markdown|html|json|veris|bundle}, filtered by what the caller may see;
 * {@code bundle} is one export as its JSON, Markdown and HTML files in a zip.
 */
@Path("/api/rooms/{id}/export")
@Authenticated
public class ExportResource {

    private final ExportService exports;
    private final ExportRenderer renderer;
    private final SecurityIdentity identity;

    public ExportResource(ExportService exports, ExportRenderer renderer, SecurityIdentity identity) {
        this.exports = exports;
        this.renderer = renderer;
        this.identity = identity;
    }

    @GET
    public Response export(@PathParam("id") UUID roomId, @QueryParam("format") String format) {
        String chosen = format == null ? "markdown" : format;
        if (!java.util.Set.of("markdown", "html", "json", "veris", "bundle").contains(chosen)) {
            throw SitroomException.invalid("format must be markdown, html, json, veris or bundle");
        }
        RoomExport export = exports.export(roomId, Caller.of(identity).userId());
        String name = "sitroom-" + roomId.toString().substring(0, 8);
        return switch (chosen) {
            case "markdown" -> file(renderer.markdown(export), "text/markdown; charset=utf-8", name + ".md");
            case "html" -> file(renderer.html(export), "text/html; charset=utf-8", name + ".html");
            case "json" -> file(export, MediaType.APPLICATION_JSON, name + ".json");
            case "bundle" -> file(renderer.bundle(export, name), "application/zip", name + ".zip");
            default -> file(renderer.veris(export), MediaType.APPLICATION_JSON, name + "-veris.json");
        };
    }

    private static Response file(Object body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "inline; filename=\"" + name + "\"").build();
    }
}
