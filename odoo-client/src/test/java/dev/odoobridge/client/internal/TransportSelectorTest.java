package dev.odoobridge.client.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.spi.OdooTransport;
import dev.odoobridge.client.testing.Recordings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportSelectorTest {
    private static final String KEY = "ffd124b4ed6fe0596bf7ffc40290d3556bc870bf";
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private OdooConfig config(Transport transport, String secret) {
        return OdooConfig.builder().url("http://localhost:" + server.port()).database("retail").login("admin")
                .secret(secret).transport(transport).build();
    }

    @Test
    void apiKeyHeuristicIsFortyLowerCaseHexDigits() {
        assertThat(TransportSelector.looksLikeApiKey(KEY)).isTrue();
        assertThat(TransportSelector.looksLikeApiKey(KEY.toUpperCase())).isFalse();
        assertThat(TransportSelector.looksLikeApiKey(KEY.substring(1))).isFalse();
        assertThat(TransportSelector.looksLikeApiKey("admin")).isFalse();
    }

    @Test
    void explicitTransportsNeedNoNetwork() {
        OdooConfig jsonRpc = config(Transport.JSONRPC, "admin");
        OdooConfig json2 = config(Transport.JSON2, KEY);
        server.stop();
        try (OdooTransport t = TransportSelector.select(jsonRpc)) {
            assertThat(t.name()).isEqualTo("jsonrpc");
        }
        try (OdooTransport t = TransportSelector.select(json2)) {
            assertThat(t.name()).isEqualTo("json2");
        }
    }

    @Test
    void autoPicksJson2OnOdoo19WithAnApiKey() {
        var rec = Recordings.load("40-web-version-get");
        server.stubFor(get(urlPathEqualTo("/web/version")).willReturn(aResponse().withBody(rec.responseBody())));
        try (OdooTransport t = TransportSelector.select(config(Transport.AUTO, KEY))) {
            assertThat(t.name()).isEqualTo("json2");
        }
    }

    @Test
    void autoFallsBackToJsonRpcVersionAndPicksXmlRpcForOlderServers() {
        server.stubFor(get(urlPathEqualTo("/web/version")).willReturn(aResponse().withStatus(404)));
        server.stubFor(post(urlPathEqualTo("/jsonrpc")).willReturn(aResponse().withBody(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"server_version\":\"17.0\","
                        + "\"server_version_info\":[17,0,0,\"final\",0,\"\"],\"server_serie\":\"17.0\",\"protocol_version\":1}}")));
        assertXmlRpcChosen(config(Transport.AUTO, KEY));
    }

    @Test
    void autoPicksXmlRpcForAPasswordEvenOnOdoo19() {
        var rec = Recordings.load("40-web-version-get");
        server.stubFor(get(urlPathEqualTo("/web/version")).willReturn(aResponse().withBody(rec.responseBody())));
        assertXmlRpcChosen(config(Transport.AUTO, "admin"));
    }

    private static void assertXmlRpcChosen(OdooConfig config) {
        try {
            Class.forName(TransportSelector.XMLRPC_CLASS);
            try (OdooTransport t = TransportSelector.select(config)) {
                assertThat(t.name()).isEqualTo("xmlrpc");
            }
        } catch (ClassNotFoundException absent) {
            assertThatThrownBy(() -> TransportSelector.select(config)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(TransportSelector.XMLRPC_CLASS);
        }
    }
}
