package dev.odoobridge.client.behaviour;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.testing.Recordings.RecordedExchange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listener over every transport: start / success / failure events with attempt numbers and
 * durations, and the secret nowhere in what a listener or a caller gets to see, whatever breaks on
 * the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenerOverTransportsTest {
    private static final RetryPolicy TWO_QUICK_ATTEMPTS = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), 1.0);
    private static final List<String> FIELDS = List.of("name", "default_code", "qty_available", "list_price", "write_date");

    private WireMockServer server;

    @BeforeAll
    void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterAll
    void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @ParameterizedTest
    @EnumSource(WireProtocol.class)
    void aSuccessfulCallIsOneStartAndOneSuccess(WireProtocol protocol) {
        protocol.stubLogin(server);
        RecordedExchange answer = protocol.searchReadAnswer();
        server.stubFor(protocol.call("product.product", "search_read")
                .willReturn(aResponse().withHeader("Content-Type", answer.contentType()).withBody(answer.responseBody())));
        EventLog log = new EventLog();
        try (OdooClient client = protocol.client(server, TWO_QUICK_ATTEMPTS, log)) {
            assertThat(client.model("product.product").searchRead(Domains.all(), FIELDS, SearchOptions.DEFAULT.limit(5)))
                    .hasSize(5);
        }
        assertThat(log.briefs()).containsExactly("start search_read #1", "ok search_read #1");
        EventLog.Event ok = log.events.get(1);
        assertThat(ok.call().transport()).isEqualTo(protocol.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(ok.call().model()).isEqualTo("product.product");
        assertThat(ok.elapsed()).isPositive();
        assertThat(log.events.get(0).call()).isEqualTo(ok.call());
        assertNoSecret(protocol, log, null);
    }

    Stream<Arguments> wireFaults() {
        List<Arguments> all = new ArrayList<>();
        for (WireProtocol protocol : WireProtocol.values()) {
            for (Fault fault : List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE,
                    Fault.MALFORMED_RESPONSE_CHUNK, Fault.RANDOM_DATA_THEN_CLOSE)) {
                all.add(Arguments.of(protocol, fault));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wireFaults")
    void failuresReachTheListenerWithAttemptsAndNoSecret(WireProtocol protocol, Fault fault) {
        protocol.stubLogin(server);
        server.stubFor(protocol.call("product.product", "search_read").willReturn(aResponse().withFault(fault)));
        EventLog log = new EventLog();
        OdooException thrown;
        try (OdooClient client = protocol.client(server, TWO_QUICK_ATTEMPTS, log)) {
            thrown = catchThrowableOfType(OdooException.class, () -> client.model("product.product")
                    .searchRead(Domains.all(), FIELDS, SearchOptions.DEFAULT.limit(5)));
        }
        assertThat(thrown).as("%s over %s", fault, protocol).isNotNull();

        int attempts = thrown.isRetryable() ? 2 : 1;
        List<String> expected = new ArrayList<>();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            expected.add("start search_read #" + attempt);
            expected.add("fail search_read #" + attempt + (attempt < attempts ? " retry" : ""));
        }
        assertThat(log.briefs()).containsExactlyElementsOf(expected);
        EventLog.Event last = log.events.get(log.events.size() - 1);
        assertThat(last.failure()).isSameAs(thrown);
        assertThat(log.events).filteredOn(e -> e.kind().equals("fail"))
                .allSatisfy(e -> assertThat(e.elapsed()).isGreaterThanOrEqualTo(Duration.ZERO));
        assertNoSecret(protocol, log, thrown);
    }

    /** Neither the events, nor the failures' messages, causes and stack traces show the secret. */
    private static void assertNoSecret(WireProtocol protocol, EventLog log, Throwable thrown) {
        for (EventLog.Event e : log.events) {
            assertThat(e.call().toString()).doesNotContain(protocol.secret);
            if (e.failure() != null) {
                assertThat(everything(e.failure())).doesNotContain(protocol.secret);
            }
        }
        if (thrown != null) {
            assertThat(everything(thrown)).doesNotContain(protocol.secret);
        }
    }

    /** toString of the throwable, its causes and suppressed ones, with stack traces. */
    private static String everything(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
