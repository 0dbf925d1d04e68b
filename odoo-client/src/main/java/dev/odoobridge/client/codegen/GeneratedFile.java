package dev.odoobridge.client.codegen;

import java.util.Objects;

/**
 * One generated source file.
 *
 * @param relativePath path under the output root, e.g. {@code com/example/odoo/ProductProduct.java}
 * @param source the Java source
 */
public record GeneratedFile(String relativePath, String source) {
    public GeneratedFile {
        Objects.requireNonNull(relativePath, "relativePath == null");
        Objects.requireNonNull(source, "source == null");
    }
}
