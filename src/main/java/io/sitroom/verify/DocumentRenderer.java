package io.sitroom.verify;

/**
 * Renders a verified JSON export as the server renders its Markdown or HTML export, for
 * {@code verify --document}. Rendering needs the server's templates and libraries (Qute, Jackson), which
 * the rest of this package must not: the one implementation ({@code io.sitroom.retro.DocumentCheck}) is
 * found through {@link java.util.ServiceLoader} only when a document is given, so the verifier itself keeps
 * needing nothing but a JDK.
 */
public interface DocumentRenderer {

    enum Format {
        MARKDOWN, HTML
    }

    /**
     * The document the server renders from this export.
     *
     * @throws IllegalArgumentException when the export cannot be read back as the server writes it, with a one-line reason
     */
    String render(String exportJson, Format format);
}
