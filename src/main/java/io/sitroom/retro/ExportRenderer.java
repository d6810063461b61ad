package io.sitroom.retro;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

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

    ExportRenderer(@Location("export/retrospective.md") Template markdown, @Location("export/retrospective.html") Template html) {
        this.markdown = markdown;
        this.html = html;
    }

    String markdown(RoomExport export) {
        return markdown.data("doc", ExportDocument.from(export)).render();
    }

    String html(RoomExport export) {
        return html.data("doc", ExportDocument.from(export)).render();
    }
}
