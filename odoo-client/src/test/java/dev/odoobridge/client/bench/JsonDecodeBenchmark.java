package dev.odoobridge.client.bench;

import dev.odoobridge.client.internal.json.JsonCodec;
import dev.odoobridge.client.testing.Recordings;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decodes the recorded JSON-2 {@code search_read} of all 5,047 products (0.94 MB) into plain
 * values with our decoder, as the JSON-2 transport does. Run through JMH ({@link CodecBenchmarks}
 * also times Python's {@code json.loads} on the same bytes), or {@link #main} for a quick
 * plain-loop figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JsonDecodeBenchmark {
    static final String FILE = "large/product-search_read-all.json2.response.json";

    private final JsonCodec codec = new JsonCodec();
    private byte[] body;

    /** Loads the recorded body once. */
    @Setup
    public void load() {
        body = Recordings.bytes(FILE);
    }

    /** One full decode of the 0.94 MB body into plain Java values. */
    @Benchmark
    public Object decode() throws IOException {
        return codec.decode(body);
    }

    /** Plain-loop measurement: median of 7 timed runs after warm-up, printed as records/s. */
    public static void main(String[] args) throws IOException {
        JsonDecodeBenchmark b = new JsonDecodeBenchmark();
        b.load();
        int records = ((List<?>) b.decode()).size();
        for (int i = 0; i < 200; i++) {
            b.decode();
        }
        long[] nanos = new long[7];
        int perRun = 20;
        for (int r = 0; r < nanos.length; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRun; i++) {
                b.decode();
            }
            nanos[r] = (System.nanoTime() - start) / perRun;
        }
        java.util.Arrays.sort(nanos);
        double seconds = nanos[nanos.length / 2] / 1e9;
        System.out.printf("JSON-2 search_read of %d records (%d bytes): %.4f s per decode, %.0f records/s%n",
                records, b.body.length, seconds, records / seconds);
    }
}
