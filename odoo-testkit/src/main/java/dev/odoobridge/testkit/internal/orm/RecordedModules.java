package dev.odoobridge.testkit.internal.orm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** The modules installed on the real server whose {@code fields_get} FakeOdoo's schema of a version comes from. */
final class RecordedModules {
    private RecordedModules() {
    }

    static Set<String> of(String version) {
        String resource = "/dev/odoobridge/testkit/schema/" + version + "/_installed_modules.json";
        try (InputStream in = RecordedModules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no recorded schema for Odoo " + version + " (" + resource + ")");
            }
            return Set.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
