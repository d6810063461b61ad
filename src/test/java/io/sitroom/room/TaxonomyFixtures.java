package io.sitroom.room;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A deployment's own severities and phases for tests: P1 to P5, and triage, mitigate, restore, review, closed. */
public final class TaxonomyFixtures {

    public static final String PRIORITIES_FILE = "taxonomy/priorities.yaml";

    private TaxonomyFixtures() {
    }

    public static Taxonomy priorities() {
        return TaxonomyFile.read(PRIORITIES_FILE, text(PRIORITIES_FILE));
    }

    public static String text(String resource) {
        try (InputStream in = TaxonomyFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
