package dev.odoobridge.client.internal.json;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.testing.Recordings;
import dev.odoobridge.client.testing.Recordings.RecordedExchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Json2TransportTest {
    private static final String KEY = "ffd124b4ed6fe0596bf7ffc40290d3556bc870bf";

    private WireMockServer server;
    private Json2Transport transport;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        transport = new Json2Transport(config(OdooConfig.DEFAULT_MAX_RESPONSE_BYTES));
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop();
    }

    private OdooConfig config(long maxBytes) {
        return OdooConfig.builder().url("http://localhost:" + server.port()).database("retail").login("admin")
                .secret(KEY).requestTimeout(Duration.ofMillis(500)).maxResponseBytes(maxBytes).build();
    }

    private void replay(String recording, String path) {
        RecordedExchange rec = Recordings.load(recording);
        server.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(rec.status())
                .withHeader("Content-Type", rec.contentType()).withBody(rec.responseBody())));
    }

    @Test
    void sendsIdsFirstThenNamedArgumentsWithBearerKeyAndDatabase() {
        replay("47-json2-read-with-ids", "/json/2/res.partner/read");
        Object result = transport.execute(new OdooCall("res.partner", "read", List.of(43L),
                Map.of("fields", List.of("name")), true));
        assertThat(result).asList().hasSize(1);
        server.verify(postRequestedFor(urlPathEqualTo("/json/2/res.partner/read"))
                .withHeader("Authorization", equalTo("bearer " + KEY))
                .withHeader("X-Odoo-Database", equalTo("retail"))
                .withRequestBody(equalToJson("{\"ids\":[43],\"fields\":[\"name\"]}")));
    }

    @Test
    void modelMethodsSendNoIds() {
        replay("43-json2-partner-search_count", "/json/2/res.partner/search_count");
        assertThat(transport.execute(new OdooCall("res.partner", "search_count", null, Map.of("domain", List.of()), true)))
                .isEqualTo(41);
        server.verify(postRequestedFor(urlPathEqualTo("/json/2/res.partner/search_count"))
                .withRequestBody(equalToJson("{\"domain\":[]}")));
    }

    @Test
    void authenticateAsksContextGetOnceAndCachesTheUid() {
        // context_get returns the user's context with "uid" (odoo/addons/base/models/res_users.py)
        server.stubFor(post(urlPathEqualTo("/json/2/res.users/context_get")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"lang\": \"en_US\", \"tz\": \"Europe/Brussels\", \"uid\": 2}")));
        assertThat(transport.authenticate()).isEqualTo(2);
        assertThat(transport.authenticate()).isEqualTo(2);
        server.verify(1, postRequestedFor(urlPathEqualTo("/json/2/res.users/context_get")));
    }

    @Test
    void unknownDatabaseHtmlPageSaysTheDatabaseDoesNotExist() {
        replay("66-json2-bad-db-header", "/json/2/res.partner/search_count");
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "search_count", null,
                Map.of("domain", List.of()), true)))
                .isInstanceOfSatisfying(OdooTransportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessageContaining("database 'retail' does not exist")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void unauthorizedWithoutJsonBodyIsStillAccessDenied() {
        server.stubFor(post(urlPathEqualTo("/json/2/res.partner/search_count"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/plain").withBody("no")));
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "search_count", null, Map.of(), true)))
                .isInstanceOf(AccessDeniedException.class).hasMessageNotContaining(KEY);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void gatewayErrorsAreRetryableHttpStatusFailures(int status) {
        server.stubFor(post(urlPathEqualTo("/json/2/res.partner/search_count"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody("<h1>down</h1>")));
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "search_count", null, Map.of(), true)))
                .isInstanceOfSatisfying(OdooTransportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void invalidJsonIsMalformed() {
        server.stubFor(post(urlPathEqualTo("/json/2/res.partner/search_count"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[1, 2")));
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "search_count", null, Map.of(), true)))
                .isInstanceOfSatisfying(OdooTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
    }

    @Test
    void responseOverTheCapFailsWhileStreaming() {
        RecordedExchange rec = Recordings.load("41-json2-product-search_read-limit5");
        server.stubFor(post(urlPathEqualTo("/json/2/product.product/search_read")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(rec.responseBody()).withChunkedDribbleDelay(4, 20)));
        try (Json2Transport small = new Json2Transport(config(100))) {
            assertThatThrownBy(() -> small.execute(new OdooCall("product.product", "search_read", null, Map.of(), true)))
                    .isInstanceOfSatisfying(OdooTransportException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.RESPONSE_TOO_LARGE);
                        assertThat(e.isRetryable()).isFalse();
                    });
        }
    }

    @Test
    void resetConnectionIsRetryable() {
        server.stubFor(post(urlPathEqualTo("/json/2/res.partner/search_count"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "search_count", null, Map.of(), true)))
                .isInstanceOfSatisfying(OdooTransportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONNECTION_RESET);
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void slowAnswerTimesOut() {
        server.stubFor(post(urlPathEqualTo("/json/2/res.partner/search_count"))
                .willReturn(aResponse().withBody("1").withFixedDelay(1500)));
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "search_count", null, Map.of(), true)))
                .isInstanceOfSatisfying(OdooTransportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void refusedConnectionIsConnectFailure() {
        int port = server.port();
        server.stop();
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "search_count", null, Map.of(), true)))
                .isInstanceOfSatisfying(OdooTransportException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONNECT))
                .hasMessageContaining(String.valueOf(port)).hasMessageNotContaining(KEY);
    }

    @Test
    void versionFallsBackToWebVersionWhenJsonRpcIsGone() {
        RecordedExchange rec = Recordings.load("40-web-version-get");
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/web/version"))
                .willReturn(aResponse().withHeader("Content-Type", rec.contentType()).withBody(rec.responseBody())));
        assertThat(transport.version().major()).isEqualTo(19);
    }
}
