package dev.odoobridge.client.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Times Python's own decoders on the same recorded bytes, in a {@code python3} child process:
 * {@code xmlrpc.client.loads} for XML-RPC and the C {@code json.loads} for JSON, with
 * {@code timeit.repeat} (garbage collector enabled, as the JVM's is) after one warm-up call.
 */
final class PythonReference {
    private static final String SCRIPT = String.join("\n",
            "import gc, json, statistics, sys, timeit, xmlrpc.client",
            "data = open(sys.argv[1], 'rb').read()",
            "decode = {'xmlrpc': xmlrpc.client.loads, 'json': json.loads}[sys.argv[2]]",
            "number, repeat = int(sys.argv[3]), int(sys.argv[4])",
            "decode(data)",
            "times = [t / number for t in timeit.repeat(lambda: decode(data), setup='gc.enable()', number=number,"
                    + " repeat=repeat, globals={'gc': gc})]",
            "print(min(times), statistics.median(times), sys.version.split()[0])");

    /**
     * One Python measurement, seconds per decode.
     *
     * @param best the fastest repeat
     * @param median the median repeat
     * @param version the Python version
     */
    record Timing(double best, double median, String version) {
    }

    private PythonReference() {
    }

    /**
     * Times {@code decoder} ({@code xmlrpc} or {@code json}) on {@code file}: {@code repeat} runs of
     * {@code number} decodes each. Empty, with the reason printed, when python3 cannot be run.
     */
    static Optional<Timing> time(Path file, String decoder, int number, int repeat) {
        ProcessBuilder builder = new ProcessBuilder(List.of("python3", "-c", SCRIPT, file.toString(), decoder,
                String.valueOf(number), String.valueOf(repeat))).redirectErrorStream(true);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                System.out.println("python3 failed (" + out + "): Python side skipped");
                return Optional.empty();
            }
            String[] parts = out.split("\\s+");
            return Optional.of(new Timing(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), parts[2]));
        } catch (IOException e) {
            System.out.println("python3 is not on the PATH (" + e.getMessage() + "): Python side skipped");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
