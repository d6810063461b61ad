package io.sitroom.retro;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.sitroom.room.Taxonomy;

/**
 * Renders a retrospective as Markdown or as one self-contained HTML page, each from its own template
 * over {@link ExportDocument}. The HTML template escapes every value as HTML (Qute does so for
 * {@code .html}); the Markdown template is not HTML-escaped ({@code text/markdown}) and escapes each
 * value with {@code .md} ({@link MarkdownText}). Both templates declare {@code doc}'s type, so Qute
 * checks every expression against the model when the application is built.
 */
@ApplicationScoped
class ExportRenderer {

    private final Template markdown;
    private final Template html;
    private final Taxonomy taxonomy;

    ExportRenderer(@Location("export/retrospective.md") Template markdown, @Location("export/retrospective.html") Template html,
            Taxonomy taxonomy) {
        this.markdown = markdown;
        this.html = html;
        this.taxonomy = taxonomy;
    }

    /** The VERIS record; an incident still in the deployment's opening phase is only suspected. */
    java.util.Map<String, Object> veris(RoomExport export) {
        return VerisExport.from(export, taxonomy.openingPhase());
    }

    String markdown(RoomExport export) {
        return markdown.data("doc", ExportDocument.from(export)).render();
    }

    String html(RoomExport export) {
        return html.data("doc", ExportDocument.from(export)).render();
    }
}
