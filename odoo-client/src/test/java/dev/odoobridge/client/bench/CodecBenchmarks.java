package dev.odoobridge.client.bench;

import dev.odoobridge.client.testing.Recordings;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs every JMH benchmark in this package, then times Python's decoders on the same recorded
 * bytes ({@link PythonReference}) and prints both with their ratio: our mean time per decode
 * against Python's median, and our fastest iteration against Python's fastest repeat. Without
 * python3 on the PATH the Python side is skipped. Standard JMH options may be passed as arguments
 * (e.g. {@code -wi 2 -i 3 -w 1s -r 1s -f 1}); by default 5 warmup and 5 measurement iterations
 * of 2 s in 1 fork (on a busy machine the JIT needs the longer warm-up). From the repository root ({@code java -jar benchmarks/target/benchmarks.jar codecs}
 * does the same):
 * <pre>
 * ./mvnw -o -q -pl odoo-client test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/codec-cp.txt
 * java -cp odoo-client/target/test-classes:odoo-client/target/classes:$(cat /tmp/codec-cp.txt) \
 *     dev.odoobridge.client.bench.CodecBenchmarks
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
        Collection<RunResult> results = new Runner(withDefaults(options)).run();
        compareWithPython(results);
    }

    private static void compareWithPython(Collection<RunResult> results) {
        System.out.println();
        System.out.println("Against Python on the same bytes (ms per decode; ratio = Python time / ours):");
        compare(results, "XmlRpcDecodeBenchmark.odooBridgeReader", "XML-RPC " + XmlRpcDecodeBenchmark.FILE,
                XmlRpcDecodeBenchmark.FILE, "xmlrpc", "xmlrpc.client.loads", 1, 15);
        compare(results, "JsonDecodeBenchmark.decode", "JSON-2 " + JsonDecodeBenchmark.FILE,
                JsonDecodeBenchmark.FILE, "json", "json.loads", 20, 15);
    }

    private static void compare(Collection<RunResult> results, String benchmark, String what, String file,
                                String decoder, String pythonName, int number, int repeat) {
        Optional<RunResult> ours = results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith(benchmark)).findFirst();
        if (ours.isEmpty()) {
            return;
        }
        Statistics stats = ours.get().getPrimaryResult().getStatistics();
        double mean = stats.getMean();
        double best = stats.getMin();
        System.out.printf(Locale.ROOT, "%s (%,d bytes)%n  odoo-bridge: mean %.2f ms, best iteration %.2f ms%n", what,
                Recordings.bytes(file).length, mean, best);
        Optional<PythonReference.Timing> python = PythonReference.time(Recordings.root().resolve(file), decoder, number, repeat);
        python.ifPresent(p -> System.out.printf(Locale.ROOT,
                "  Python %s %s: median %.2f ms, best %.2f ms (%d x %d runs)%n  ratio: %.2fx (median / mean), %.2fx (best / best)%n",
                p.version(), pythonName, p.median() * 1000, p.best() * 1000, repeat, number,
                p.median() * 1000 / mean, p.best() * 1000 / best));
    }

    private static Options withDefaults(Options options) {
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(options);
        if (!options.getWarmupIterations().hasValue()) {
            builder.warmupIterations(5);
        }
        if (!options.getMeasurementIterations().hasValue()) {
            builder.measurementIterations(5);
        }
        if (!options.getWarmupTime().hasValue()) {
            builder.warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2));
        }
        if (!options.getMeasurementTime().hasValue()) {
            builder.measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2));
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
