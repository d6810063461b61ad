package io.sitroom.room;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

/** The deployment's {@link Taxonomy}: its file if one is configured, else Sitroom's own. A bad file stops the start. */
@ApplicationScoped
public class TaxonomySource {

    @Produces
    @Singleton
    Taxonomy taxonomy(TaxonomyConfig config) {
        if (config.file().isEmpty()) {
            return Taxonomy.defaults();
        }
        try {
            return TaxonomyFile.read(config.file().get().toString(), Files.readString(config.file().get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sitroom.taxonomy.file " + config.file().get(), e);
        }
    }

    /** Reads the file at start, so a mistake in it is reported then rather than at the first room. */
    void check(@Observes StartupEvent start, Taxonomy taxonomy) {
        taxonomy.defaultSeverity();
    }
}
