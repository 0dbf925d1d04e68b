package dev.odoobridge.client.internal.xmlrpc;

import static dev.odoobridge.client.testing.DecodedValues.assertPlain;
import static dev.odoobridge.client.testing.DecodedValues.preview;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.testing.ByteMutations;
import dev.odoobridge.client.testing.Recordings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.xmlrpc.client.XmlRpcClient;

/**
 * Fuzzes the XML-RPC body decoding exactly as the transport runs it (size cap, hardened reader,
 * error mapping) with mutated recordings and noise: every input either decodes to plain values or
 * fails with a MALFORMED_RESPONSE / RESPONSE_TOO_LARGE {@link OdooTransportException}, within a
 * few seconds — never another exception, never a hang. Seeds are fixed so every build runs the same
 * inputs; change a seed to explore new ones.
 */
class XmlRpcResponseFuzzTest {
    private static final URI ENDPOINT = URI.create("http://localhost:8069/xmlrpc/2/object");
    private static final long DECODE_LIMIT_SECONDS = 10;
    private static ExecutorService worker;
    private static List<byte[]> seeds;

    @BeforeContainer
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "xmlrpc-fuzz");
            t.setDaemon(true);
            return t;
        });
        seeds = new ArrayList<>();
        for (String name : Recordings.names()) {
            if (name.contains("-xmlrpc-")) {
                seeds.add(Recordings.load(name).responseBody().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @AfterContainer
    static void stop() {
        worker.shutdownNow();
    }

    @Property(tries = 600, seed = "20261121")
    void mutatedRecordingsDecodeOrFailCleanly(@ForAll("mutatedRecordings") byte[] body, @ForAll("caps") long cap) {
        check(body, cap);
    }

    @Property(tries = 300, seed = "20261122")
    void noiseFailsCleanly(@ForAll("noise") byte[] body) {
        check(body, 1 << 20);
    }

    @Property(tries = 50, seed = "20261123")
    void everyRecordingDecodesUnderALargeCapAndFailsTooLargeUnderATinyOne(@ForAll("recordings") byte[] body) {
        assertThat(decode(body, body.length)).isNotNull();
        OdooTransportException e = decodeFailure(body, 16);
        assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
    }

    /** The opposite case: when the stream itself breaks it is a (retryable) connection failure, not bad content. */
    @Example
    void aBreakingStreamIsAConnectionFailure() {
        JdkHttpTransportFactory factory = new JdkHttpTransportFactory(new XmlRpcClient(), null,
                new XmlRpcResponseReader(), Duration.ofSeconds(1), 1 << 20);
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(seeds.get(0), 0, 40), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        });
        OdooTransportException e = catchThrowableOfType(OdooTransportException.class,
                () -> factory.decodeBody(breaking, ENDPOINT));
        assertThat(e.kind()).isEqualTo(Kind.CONNECTION_RESET);
        assertThat(e.isRetryable()).isTrue();
    }

    @Provide
    Arbitrary<byte[]> mutatedRecordings() {
        return ByteMutations.mutated(seeds);
    }

    @Provide
    Arbitrary<byte[]> recordings() {
        return Arbitraries.of(seeds);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return ByteMutations.noise();
    }

    @Provide
    Arbitrary<Long> caps() {
        return Arbitraries.of(64L, 1024L, 1L << 20);
    }

    private static void check(byte[] body, long cap) {
        try {
            XmlRpcResponse response = decode(body, cap);
            if (response instanceof XmlRpcResponse.Success success) {
                assertPlain(success.value(), body);
                Statistics.collect("decoded");
            } else {
                assertThat(response).isInstanceOf(XmlRpcResponse.Fault.class);
                Statistics.collect("fault");
            }
        } catch (OdooTransportException e) {
            Statistics.collect(e.kind());
            assertThat(e.kind()).as("kind for %s", preview(body)).isIn(Kind.MALFORMED_RESPONSE, Kind.RESPONSE_TOO_LARGE);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static OdooTransportException decodeFailure(byte[] body, long cap) {
        try {
            decode(body, cap);
        } catch (OdooTransportException e) {
            return e;
        }
        return fail("expected a failure for " + preview(body));
    }

    /** Runs the decode on a worker thread so that a hang fails the property instead of the build. */
    private static XmlRpcResponse decode(byte[] body, long cap) {
        JdkHttpTransportFactory factory = new JdkHttpTransportFactory(new XmlRpcClient(), null,
                new XmlRpcResponseReader(), Duration.ofSeconds(1), cap);
        Future<XmlRpcResponse> result = worker.submit(() -> factory.decodeBody(new ByteArrayInputStream(body), ENDPOINT));
        try {
            return result.get(DECODE_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return fail("decoding did not end within " + DECODE_LIMIT_SECONDS + " s: " + preview(body));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OdooTransportException t) {
                throw t;
            }
            throw new AssertionError("decoding threw " + e.getCause() + " for " + preview(body), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
