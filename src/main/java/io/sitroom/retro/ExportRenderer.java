package io.sitroom.retro;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.room.Taxonomy;

/**
 * Renders a retrospective as Markdown or as one self-contained HTML page, each from its own template
 * over {@link ExportDocument}, through {@link ExportTemplates}, as {@code verify --document} renders them
 * again. The HTML template escapes every value as HTML; the Markdown template is not HTML-escaped
 * ({@code text/markdown}) and escapes each value with {@code .md} ({@link MarkdownText}). Both templates
 * declare {@code doc}'s type, so Qute checks every expression against the model when the application is built.
 */
@ApplicationScoped
class ExportRenderer {

    private final ExportTemplates templates;
    private final Taxonomy taxonomy;
    private final ObjectMapper json;

    ExportRenderer(Taxonomy taxonomy, ObjectMapper json) {
        this.templates = new ExportTemplates();
        this.taxonomy = taxonomy;
        this.json = json;
    }

    /** The VERIS record; an incident still in the deployment's opening phase is only suspected. */
    java.util.Map<String, Object> veris(RoomExport export) {
        return VerisExport.from(export, taxonomy.openingPhase());
    }

    String markdown(RoomExport export) {
        return templates.markdown(ExportDocument.from(export));
    }

    String html(RoomExport export) {
        return templates.html(ExportDocument.from(export));
    }

    /**
     * One export as its JSON, Markdown and HTML files ({@code <name>.json}, {@code .md}, {@code .html}) in one zip:
     * documents and JSON of two requests may differ (docs/protocol.md, "Retrospective exports"), these three cannot,
     * so {@code verify <name>.json --document <name>.md} holds for them. The JSON is written as {@code ?format=json} writes it.
     */
    byte[] bundle(RoomExport export, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, name + ".json", json.writeValueAsBytes(export));
            entry(zip, name + ".md", markdown(export).getBytes(StandardCharsets.UTF_8));
            entry(zip, name + ".html", html(export).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
