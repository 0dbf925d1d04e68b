package dev.odoobridge.benchmarks;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the JMH codec benchmarks that live with the codecs in odoo-client's test sources (they
 * read the recorded Odoo responses there): compiles them and writes their classpath with the
 * Maven wrapper of the checkout the current directory is in (offline, core plugins only), then
 * starts {@code dev.odoobridge.client.bench.CodecBenchmarks} in a JVM of its own, which also
 * times Python's decoders on the same bytes.
 */
final class CodecLauncher {
    private static final String MAIN = "dev.odoobridge.client.bench.CodecBenchmarks";

    private CodecLauncher() {
    }

    static int run(List<String> jmhArgs, PrintStream out) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("the codec benchmarks need the source checkout: run from inside it (no mvnw found above "
                    + Path.of("").toAbsolutePath() + ")");
        }
        Path client = root.resolve("odoo-client");
        Path classpathFile = Files.createTempFile("codec-benchmarks", ".classpath");
        try {
            List<String> build = List.of(root.resolve("mvnw").toString(), "-o", "-q", "-pl", "odoo-client",
                    "test-compile", "dependency:build-classpath", "-Dmdep.includeScope=test",
                    "-Dmdep.outputFile=" + classpathFile);
            out.println("running " + String.join(" ", build));
            int built = new ProcessBuilder(build).directory(root.toFile()).inheritIO().start().waitFor();
            if (built != 0) {
                return built;
            }
            String classpath = String.join(File.pathSeparator, client.resolve("target/test-classes").toString(),
                    client.resolve("target/classes").toString(), Files.readString(classpathFile, StandardCharsets.UTF_8).strip());
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, MAIN));
            cmd.addAll(jmhArgs);
            out.println("running java -cp <odoo-client test classpath> " + MAIN + " " + String.join(" ", jmhArgs));
            return new ProcessBuilder(cmd).directory(root.toFile()).inheritIO().start().waitFor();
        } finally {
            Files.deleteIfExists(classpathFile);
        }
    }
}
