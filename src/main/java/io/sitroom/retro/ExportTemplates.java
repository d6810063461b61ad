package io.sitroom.retro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;

/**
 * The Markdown and HTML templates of the retrospective, each rendered over {@link ExportDocument} by one Qute
 * engine of its own, built here without the application: the server's exports ({@link ExportRenderer}) and
 * the offline check of a document against a JSON export ({@link DocumentCheck}) render through this one
 * class, so they cannot drift apart. Quarkus still checks both templates against {@code ExportDocument} when
 * the application is built (they declare {@code doc}'s type, and {@code .md} is the template extension
 * {@link MarkdownText#md}); here the values are read by reflection and {@code .md} by the same method.
 */
final class ExportTemplates {

    private static final String MARKDOWN_TYPE = "text/markdown";

    private final Template markdown;
    private final Template html;

    ExportTemplates() {
        Engine engine = Engine.builder().addDefaults().strictRendering(true).removeStandaloneLines(true)
                .addValueResolver(ValueResolver.builder().appliesTo(c -> c.getBase() instanceof String && c.getName().equals("md")
                        && c.getParams().isEmpty()).resolveSync(c -> MarkdownText.md((String) c.getBase())).build())
                .addValueResolver(new ReflectionValueResolver())
                // As Quarkus escapes its HTML templates: every value of the HTML export, none of the Markdown one.
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .build();
        this.markdown = engine.parse(template("retrospective.md"), new Variant(Locale.ROOT, StandardCharsets.UTF_8, MARKDOWN_TYPE));
        this.html = engine.parse(template("retrospective.html"), new Variant(Locale.ROOT, StandardCharsets.UTF_8, Variant.TEXT_HTML));
    }

    String markdown(ExportDocument doc) {
        return markdown.data("doc", doc).render();
    }

    String html(ExportDocument doc) {
        return html.data("doc", doc).render();
    }

    private static String template(String name) {
        String path = "/templates/export/" + name;
        try (InputStream in = ExportTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no template " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
