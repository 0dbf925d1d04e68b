package dev.odoobridge.client.internal.json;

import static dev.odoobridge.client.testing.DecodedValues.assertPlain;
import static dev.odoobridge.client.testing.DecodedValues.preview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.internal.http.HttpChannel;
import dev.odoobridge.client.testing.ByteMutations;
import dev.odoobridge.client.testing.Recordings;
import dev.odoobridge.client.testing.Recordings.RecordedExchange;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes JSON body decoding as the JSON-2 and JSON-RPC transports run it (size cap, codec or
 * envelope reader, error mapping) with mutated recordings and noise. A 200 answer either decodes to
 * plain values (or, for a JSON-RPC error envelope, a server exception) or fails with a
 * MALFORMED_RESPONSE / RESPONSE_TOO_LARGE {@link OdooTransportException}; an error status is always
 * some {@link OdooException}. Never another exception, never a hang. Seeds are fixed so every build
 * runs the same inputs.
 */
class JsonResponseFuzzTest {
    private static final long DECODE_LIMIT_SECONDS = 10;
    private static final long SMALL_CAP = 512;
    private static final long LARGE_CAP = 1 << 20;

    private static ExecutorService worker;
    private static List<byte[]> json2Seeds;
    private static List<byte[]> jsonRpcSeeds;
    private static Json2Transport json2;
    private static JsonRpcTransport jsonRpc;
    private static HttpChannel smallChannel;
    private static HttpChannel largeChannel;

    @BeforeContainer
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "json-fuzz");
            t.setDaemon(true);
            return t;
        });
        json2Seeds = new ArrayList<>();
        jsonRpcSeeds = new ArrayList<>();
        for (String name : Recordings.names()) {
            RecordedExchange rec = Recordings.load(name);
            if (name.contains("-json2-") || name.contains("-web-version")) {
                json2Seeds.add(rec.responseBody().getBytes(StandardCharsets.UTF_8));
            } else if (name.contains("-jsonrpc-")) {
                jsonRpcSeeds.add(rec.responseBody().getBytes(StandardCharsets.UTF_8));
            }
        }
        OdooConfig config = config(LARGE_CAP);
        json2 = new Json2Transport(config.toBuilder().transport(Transport.JSON2).build());
        jsonRpc = new JsonRpcTransport(config.toBuilder().transport(Transport.JSONRPC).build());
        smallChannel = new HttpChannel(config(SMALL_CAP));
        largeChannel = new HttpChannel(config);
    }

    @AfterContainer
    static void stop() {
        worker.shutdownNow();
        json2.close();
        jsonRpc.close();
        smallChannel.close();
        largeChannel.close();
    }

    private static OdooConfig config(long cap) {
        return OdooConfig.builder().url("http://localhost:8069").database("retail").login("admin")
                .secret("ffd124b4ed6fe0596bf7ffc40290d3556bc870bf").maxResponseBytes(cap).build();
    }

    @Property(tries = 500, seed = "20261121")
    void json2AnswersDecodeOrFailCleanly(@ForAll("mutatedJson2") byte[] body, @ForAll boolean small) {
        Outcome outcome = run(body, () -> channel(small).readBody("/json/2/res.partner/search_read", 200,
                "application/json; charset=utf-8", new ByteArrayInputStream(body),
                (status, type, in) -> json2.read("res.partner", "search_read", "/json/2/res.partner/search_read", status, type, in)));
        outcome.assertDecodedOrCleanTransportFailure(body, false);
    }

    @Property(tries = 300, seed = "20261122")
    void json2ErrorStatusesAlwaysBecomeOdooExceptions(@ForAll("mutatedJson2") byte[] body,
                                                      @ForAll("errorStatuses") int status, @ForAll boolean small) {
        Outcome outcome = run(body, () -> channel(small).readBody("/json/2/res.partner/write", status,
                "application/json; charset=utf-8", new ByteArrayInputStream(body),
                (s, type, in) -> json2.read("res.partner", "write", "/json/2/res.partner/write", s, type, in)));
        assertThat(outcome.failure()).as("status %s, body %s", status, preview(body)).isInstanceOf(OdooException.class);
        Statistics.collect(outcome.failure().getClass().getSimpleName());
    }

    @Property(tries = 500, seed = "20261123")
    void jsonRpcAnswersDecodeOrFailCleanly(@ForAll("mutatedJsonRpc") byte[] body, @ForAll boolean small) {
        Outcome outcome = run(body, () -> channel(small).readBody("/jsonrpc", 200, "application/json",
                new ByteArrayInputStream(body), (status, type, in) -> jsonRpc.read("res.partner", "search_read", status, in)));
        outcome.assertDecodedOrCleanTransportFailure(body, true);
    }

    @Property(tries = 300, seed = "20261124")
    void noiseFailsCleanlyOnBothProtocols(@ForAll("noise") byte[] body) {
        run(body, () -> largeChannel.readBody("/json/2/m/f", 200, "application/json", new ByteArrayInputStream(body),
                (status, type, in) -> json2.read("m", "f", "/json/2/m/f", status, type, in)))
                .assertDecodedOrCleanTransportFailure(body, false);
        run(body, () -> largeChannel.readBody("/jsonrpc", 200, "application/json", new ByteArrayInputStream(body),
                (status, type, in) -> jsonRpc.read("m", "f", status, in)))
                .assertDecodedOrCleanTransportFailure(body, true);
    }

    /** Byte-order marks and UCS-4 layouts make Jackson pick other decoders; broken ones must still be malformed. */
    @Property(tries = 20, seed = "20261125")
    void oddEncodingsFailCleanly(@ForAll("oddEncodings") byte[] body) {
        noiseFailsCleanlyOnBothProtocols(body);
    }

    @Provide
    Arbitrary<byte[]> oddEncodings() {
        return Arbitraries.of(
                new byte[] {0, 0, 0, '{', 0, 0, 0},                       // UTF-32BE, truncated
                new byte[] {'{', 0, 0, 0, '}', 0, 0},                     // UTF-32LE, truncated
                new byte[] {0, 0, '{', 0, 0, 0, '}', 0},                  // UCS-4 unusual order (2143)
                new byte[] {0, '{', 0, 0, 0, '}', 0, 0},                  // UCS-4 unusual order (3412)
                new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, '1'}, // UTF-32BE BOM
                new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, '1', 0, 0, 0}, // UTF-32LE BOM
                new byte[] {0, 0, 0, '"', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, '"'}, // UTF-32 beyond Unicode
                new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '[', (byte) 0xD8, 0, 0, ']'}, // UTF-16BE, lone surrogate
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '"', (byte) 0xC3, '"'}, // UTF-8 BOM, broken sequence
                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'});  // UTF-8 encoded surrogate
    }

    @Provide
    Arbitrary<byte[]> mutatedJson2() {
        return ByteMutations.mutated(json2Seeds);
    }

    @Provide
    Arbitrary<byte[]> mutatedJsonRpc() {
        return ByteMutations.mutated(jsonRpcSeeds);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return ByteMutations.noise();
    }

    @Provide
    Arbitrary<Integer> errorStatuses() {
        return Arbitraries.of(401, 403, 404, 422, 500, 502, 503);
    }

    private static HttpChannel channel(boolean small) {
        return small ? smallChannel : largeChannel;
    }

    /**
     * What one decode gave.
     *
     * @param value the decoded value when it succeeded
     * @param failure what it threw, or null
     */
    private record Outcome(Object value, Throwable failure) {
        void assertDecodedOrCleanTransportFailure(byte[] body, boolean serverFaultsAllowed) {
            if (failure == null) {
                assertPlain(value, body);
                Statistics.collect("decoded");
            } else if (failure instanceof OdooTransportException t) {
                assertThat(t.kind()).as("kind for %s", preview(body)).isIn(Kind.MALFORMED_RESPONSE, Kind.RESPONSE_TOO_LARGE);
                assertThat(t.getMessage()).isNotBlank();
                Statistics.collect(t.kind());
            } else if (serverFaultsAllowed && failure instanceof OdooServerException) {
                Statistics.collect("server fault");
            } else {
                throw new AssertionError("decoding threw " + failure + " for " + preview(body), failure);
            }
        }
    }

    /** Runs the decode on a worker thread so that a hang fails the property instead of the build. */
    private static Outcome run(byte[] body, Callable<Object> decode) {
        Future<Object> result = worker.submit(decode);
        try {
            return new Outcome(result.get(DECODE_LIMIT_SECONDS, TimeUnit.SECONDS), null);
        } catch (TimeoutException e) {
            result.cancel(true);
            return fail("decoding did not end within " + DECODE_LIMIT_SECONDS + " s: " + preview(body));
        } catch (ExecutionException e) {
            return new Outcome(null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
