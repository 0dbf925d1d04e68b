package dev.odoobridge.client.internal.json;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.testing.Recordings;
import dev.odoobridge.client.testing.Recordings.RecordedExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonRpcTransportTest {
    private static final String SECRET = "pa55-w0rd-xyz";

    private WireMockServer server;
    private JsonRpcTransport transport;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        transport = new JsonRpcTransport(OdooConfig.builder().url("http://localhost:" + server.port())
                .database("retail").login("admin").secret(SECRET).build());
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop();
    }

    private void replay(String recording, String rpcMethod) {
        RecordedExchange rec = Recordings.load(recording);
        server.stubFor(post(urlPathEqualTo("/jsonrpc")).withRequestBody(matchingJsonPath("$.params.method", equalTo(rpcMethod)))
                .willReturn(aResponse().withStatus(rec.status()).withHeader("Content-Type", rec.contentType())
                        .withBody(rec.responseBody())));
    }

    @Test
    void executeKwSendsIdsPositionallyAndKwargsByName() {
        replay("31-jsonrpc-common-authenticate-ok", "authenticate");
        replay("37-jsonrpc-read-missing-id", "execute_kw");
        Object result = transport.execute(new OdooCall("res.partner", "read", List.of(999999L),
                Map.of("fields", List.of("name")), true));
        assertThat(result).isEqualTo(List.of());
        server.verify(postRequestedFor(urlPathEqualTo("/jsonrpc")).withRequestBody(equalToJson(
                "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"params\":{\"service\":\"object\",\"method\":\"execute_kw\","
                        + "\"args\":[\"retail\",2,\"" + SECRET + "\",\"res.partner\",\"read\",[[999999]],{\"fields\":[\"name\"]}]},"
                        + "\"id\":\"${json-unit.any-number}\"}")));
    }

    @Test
    void modelMethodsSendAnEmptyPositionalList() {
        replay("31-jsonrpc-common-authenticate-ok", "authenticate");
        replay("37-jsonrpc-read-missing-id", "execute_kw");
        transport.execute(new OdooCall("res.partner", "search", null, Map.of("domain", List.of()), true));
        server.verify(postRequestedFor(urlPathEqualTo("/jsonrpc"))
                .withRequestBody(matchingJsonPath("$.params.args[5].length()", equalTo("0"))));
    }

    @Test
    void uidIsFetchedOnceUnderConcurrency() throws Exception {
        replay("31-jsonrpc-common-authenticate-ok", "authenticate");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(transport::authenticate));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(2);
            }
        } finally {
            pool.shutdown();
        }
        server.verify(1, postRequestedFor(urlPathEqualTo("/jsonrpc")));
    }

    @Test
    void authenticateFalseIsAccessDeniedWithHelpfulMessageAndNoSecret() {
        replay("32-jsonrpc-common-authenticate-badpassword", "authenticate");
        assertThatThrownBy(transport::authenticate).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("login 'admin'").hasMessageContaining("database 'retail'")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void faultKeepsTypeMessageAndTraceback() {
        replay("31-jsonrpc-common-authenticate-ok", "authenticate");
        replay("36-jsonrpc-fault-validationerror", "execute_kw");
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "write", List.of(43L),
                Map.of("vals", Map.of("parent_id", 43)), false)))
                .isInstanceOfSatisfying(OdooServerException.class, e -> {
                    assertThat(e.fault().exceptionType()).isEqualTo("odoo.exceptions.ValidationError");
                    assertThat(e.serverMessage()).isEqualTo("You cannot create recursive Partner hierarchies.");
                    assertThat(e.traceback()).startsWith("Traceback (most recent call last)");
                    assertThat(e.model()).isEqualTo("res.partner");
                });
    }

    @Test
    void non200IsHttpStatusFailure() {
        server.stubFor(post(urlPathEqualTo("/jsonrpc")).willReturn(aResponse().withStatus(503).withBody("busy")));
        assertThatThrownBy(transport::version).isInstanceOfSatisfying(OdooTransportException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
            assertThat(e.isRetryable()).isTrue();
        });
    }

    @Test
    void envelopeWithoutResultOrErrorIsMalformed() {
        server.stubFor(post(urlPathEqualTo("/jsonrpc")).willReturn(aResponse().withBody("{\"jsonrpc\":\"2.0\",\"id\":1}")));
        assertThatThrownBy(transport::version).isInstanceOfSatisfying(OdooTransportException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
    }

    @Test
    void htmlInsteadOfJsonIsMalformed() {
        server.stubFor(post(urlPathEqualTo("/jsonrpc")).willReturn(aResponse().withBody("<html>login</html>")));
        assertThatThrownBy(transport::version).isInstanceOfSatisfying(OdooTransportException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
    }

    @Test
    void versionFromCommonVersion() {
        replay("30-jsonrpc-common-version", "version");
        assertThat(transport.version().serverVersion()).isEqualTo("19.0");
        assertThat(transport.version().protocolVersion()).isEqualTo(1);
    }
}
