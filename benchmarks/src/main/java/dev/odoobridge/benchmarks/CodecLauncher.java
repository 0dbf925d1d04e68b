package dev.odoobridge.benchmarks;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the JMH codec benchmarks that live with the codecs in odoo-client's test sources (they
 * read the recorded Odoo responses there), through the Maven wrapper of the checkout the
 * current directory is in.
 */
final class CodecLauncher {
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
        List<String> cmd = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-o", "-q", "-pl", "odoo-client",
                "test-compile", "exec:java", "-Dexec.classpathScope=test",
                "-Dexec.mainClass=dev.odoobridge.client.bench.CodecBenchmarks",
                "-Dexec.args=" + String.join(" ", jmhArgs)));
        out.println("running " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).directory(new File(root.toString())).inheritIO().start();
        return p.waitFor();
    }
}
