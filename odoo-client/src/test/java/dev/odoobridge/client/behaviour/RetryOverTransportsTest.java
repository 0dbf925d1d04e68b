package dev.odoobridge.client.behaviour;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.testing.Recordings.RecordedExchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retries through the real transports: a read answered 503 twice and then with its recording
 * succeeds on the third attempt; a create answered 503 is sent exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryOverTransportsTest {
    /** Three attempts with at most 2 ms between them: the backoff path runs without slowing the suite. */
    private static final RetryPolicy THREE_QUICK_ATTEMPTS = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 2.0);
    private static final String UNAVAILABLE = "<html><body><h1>503 Service Unavailable</h1></body></html>";

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
    void anIdempotentReadSucceedsOnTheThirdAttempt(WireProtocol protocol) {
        protocol.stubLogin(server);
        RecordedExchange answer = protocol.searchReadAnswer();
        server.stubFor(protocol.call("product.product", "search_read").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(unavailable()).willSetStateTo("once"));
        server.stubFor(protocol.call("product.product", "search_read").inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(unavailable()).willSetStateTo("twice"));
        server.stubFor(protocol.call("product.product", "search_read").inScenario("flaky").whenScenarioStateIs("twice")
                .willReturn(aResponse().withHeader("Content-Type", answer.contentType()).withBody(answer.responseBody())));
        EventLog log = new EventLog();

        List<OdooRecord> rows;
        try (OdooClient client = protocol.client(server, THREE_QUICK_ATTEMPTS, log)) {
            rows = client.model("product.product").searchRead(Domains.all(),
                    List.of("name", "default_code", "qty_available", "list_price", "write_date"),
                    SearchOptions.DEFAULT.order("id").limit(5));
        }

        assertThat(rows).hasSize(5);
        assertThat(rows.get(4).getString("default_code")).isEqualTo("FURN_7777");
        assertThat(log.briefs()).containsExactly("start search_read #1", "fail search_read #1 retry",
                "start search_read #2", "fail search_read #2 retry", "start search_read #3", "ok search_read #3");
        assertThat(log.events).filteredOn(e -> e.kind().equals("fail")).allSatisfy(e -> {
            assertThat(e.failure()).isInstanceOfSatisfying(OdooTransportException.class, t -> {
                assertThat(t.kind()).isEqualTo(OdooTransportException.Kind.HTTP_STATUS);
                assertThat(t.httpStatus()).isEqualTo(503);
                assertThat(t.isRetryable()).isTrue();
            });
            assertThat(e.elapsed()).isGreaterThanOrEqualTo(Duration.ZERO);
        });
        assertThat(server.findAll(requests(protocol.call("product.product", "search_read")))).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(WireProtocol.class)
    void aCreateAnswered503IsNotRetried(WireProtocol protocol) {
        protocol.stubLogin(server);
        server.stubFor(protocol.call("res.partner", "create").willReturn(unavailable()));
        EventLog log = new EventLog();

        OdooTransportException e;
        try (OdooClient client = protocol.client(server, THREE_QUICK_ATTEMPTS, log)) {
            e = catchThrowableOfType(OdooTransportException.class,
                    () -> client.model("res.partner").create(Map.of("name", "Recording Partner")));
        }

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.isRetryable()).as("the failure is retryable in itself; only the create must not be repeated").isTrue();
        assertThat(log.briefs()).containsExactly("start create #1", "fail create #1");
        assertThat(server.findAll(requests(protocol.call("res.partner", "create"))))
                .as("requests the server saw for the create").hasSize(1);
        assertThat(server.getAllServeEvents()).hasSize(protocol == WireProtocol.JSON2 ? 1 : 2); // XML-RPC and JSON-RPC log in first
    }

    private static RequestPatternBuilder requests(MappingBuilder call) {
        return RequestPatternBuilder.like(call.build().getRequest());
    }

    private static ResponseDefinitionBuilder unavailable() {
        return aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody(UNAVAILABLE);
    }
}
