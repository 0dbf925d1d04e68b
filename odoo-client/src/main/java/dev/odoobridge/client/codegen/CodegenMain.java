package dev.odoobridge.client.codegen;

import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.meta.ModelDefinitions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Build-time entry point (for exec-maven-plugin) generating from saved {@code fields_get} JSON:
 * {@code CodegenMain <json-dir> <package> <output-dir> <model>...}. For a live server use
 * {@code odoo-bridge codegen}.
 */
public final class CodegenMain {
    private CodegenMain() {
    }

    /** Runs the generator; exits 2 on bad arguments, 1 on failure. */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: CodegenMain <fields_get-json-dir> <package> <output-dir> <model> [<model>...]");
            System.exit(2);
        }
        try {
            List<ModelDefinition> defs = ModelDefinitions.fromDirectory(Path.of(args[0]),
                    List.of(args).subList(3, args.length));
            List<Path> files = new CodeGenerator(args[1]).writeTo(Path.of(args[2]), defs);
            files.forEach(f -> System.out.println("generated " + f));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("codegen failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
