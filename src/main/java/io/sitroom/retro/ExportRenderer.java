package io.sitroom.retro;

import jakarta.enterprise.context.ApplicationScoped;

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

    private final ExportTemplates templates = new ExportTemplates();
    private final Taxonomy taxonomy;

    ExportRenderer(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
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
}
