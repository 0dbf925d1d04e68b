package dev.odoobridge.client.bench;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every JMH benchmark in this package. Standard JMH options may be passed as arguments
 * (e.g. {@code -wi 2 -i 3 -w 1s -r 1s -f 1}); by default 3 warmup and 5 measurement iterations
 * of 1 s in 1 fork. From the repository root:
 * <pre>
 * ./mvnw -o -q -pl odoo-client test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.odoobridge.client.bench.CodecBenchmarks -Dexec.args="-wi 2 -i 3 -f 1"
 * </pre>
 */
public final class CodecBenchmarks {
    private CodecBenchmarks() {
    }

    /** Runs the benchmarks; arguments are JMH command-line options. */
    public static void main(String[] args) throws Exception {
        exposeClasspathToForks();
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include("^" + CodecBenchmarks.class.getPackageName().replace(".", "\\.") + "\\.")
                .shouldFailOnError(true)
                .build();
        new Runner(withDefaults(options)).run();
    }

    private static Options withDefaults(Options options) {
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(options);
        if (!options.getWarmupIterations().hasValue()) {
            builder.warmupIterations(3);
        }
        if (!options.getMeasurementIterations().hasValue()) {
            builder.measurementIterations(5);
        }
        if (!options.getWarmupTime().hasValue()) {
            builder.warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1));
        }
        if (!options.getMeasurementTime().hasValue()) {
            builder.measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1));
        }
        if (!options.getForkCount().hasValue()) {
            builder.forks(1);
        }
        return builder.build();
    }

    /**
     * JMH forks a JVM with {@code java.class.path}; under {@code exec:java} that is Maven's own
     * launcher, so the test classpath of the class loader running this main is handed on instead.
     */
    private static void exposeClasspathToForks() {
        if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) {
            return;
        }
        Set<String> entries = new LinkedHashSet<>();
        for (URL url : loader.getURLs()) {
            if ("file".equals(url.getProtocol())) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException("unusable classpath entry " + url, e);
                }
            }
        }
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
    }
}
