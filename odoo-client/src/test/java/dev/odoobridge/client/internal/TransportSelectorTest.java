package dev.odoobridge.client.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.testing.CapturingOdoo;
import dev.odoobridge.client.testing.RecordedAnswers;
import dev.odoobridge.client.testing.RecordedAnswers.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.spi.OdooTransport;
import dev.odoobridge.client.testing.Recordings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        try (var client = DefaultOdooClient.create(config(Transport.AUTO, KEY))) {
            assertThat(client.transport()).as("the transport the client says it chose").isEqualTo(Transport.JSON2);
        }
        try (var client = DefaultOdooClient.create(config(Transport.AUTO, "admin"))) {
            assertThat(client.transport()).isEqualTo(Transport.XMLRPC);
        }
    }

    @Test
    void autoPicksXmlRpcForAPasswordEvenOnOdoo19() {
        var rec = Recordings.load("40-web-version-get");
        server.stubFor(get(urlPathEqualTo("/web/version")).willReturn(aResponse().withBody(rec.responseBody())));
        assertXmlRpcChosen(config(Transport.AUTO, "admin"));
    }

    /** A local server answering the version endpoints and the JSON-2 probe as the recorded server of {@code version} did. */
    private static CapturingOdoo recordedServer(String version) {
        CapturingOdoo odoo = new CapturingOdoo(method -> {
            throw new AssertionError("no ORM call while choosing a transport");
        });
        for (Answer a : RecordedAnswers.conformance(version)) {
            switch (a.scenario()) {
                case "web-version" -> odoo.replayPath("GET /web/version", a.raw());
                case "json-version" -> odoo.replayPath("GET /json/version", a.raw());
                case "common-version" -> odoo.replayPath(a.transport().equals("xmlrpc") ? "POST /xmlrpc/2/common"
                        : "POST /jsonrpc", a.raw());
                case "json2-not-available" -> odoo.replayPath("POST /json/2/res.partner/search_count", a.raw());
                default -> {
                }
            }
        }
        return odoo;
    }

    @ParameterizedTest(name = "Odoo {0}")
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void autoChoosesFromTheRecordedVersionEndpointsWithoutWarnings(String version) {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (CapturingOdoo odoo = recordedServer(version)) {
            OdooConfig config = OdooConfig.builder().url(odoo.url()).database("retail").login("admin").secret(KEY)
                    .transport(Transport.AUTO).build();
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try (OdooTransport t = TransportSelector.select(config)) {
                assertThat(t.name()).isEqualTo(version.equals("19.0") ? "json2" : "xmlrpc");
            } finally {
                System.setErr(originalErr);
            }
            if (version.equals("19.0")) {
                assertThat(odoo.hits()).containsExactly("GET /web/version");
            } else {
                // the 404 of /web/version, then common.version over XML-RPC; JSON-2 is never tried
                assertThat(odoo.hits()).containsExactly("GET /web/version", "POST /xmlrpc/2/common");
            }
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).as("log lines at WARN or above")
                .doesNotContain("WARN").doesNotContain("ERROR");
    }

    @ParameterizedTest(name = "Odoo {0}")
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void theClientReportsTheVersionFromCommonVersionOnEveryTransport(String version) {
        int major = (int) Double.parseDouble(version);
        ServerVersion expected = new ServerVersion(version, major, 0, "final", 1);
        try (CapturingOdoo odoo = recordedServer(version)) {
            List<Transport> transports = version.equals("19.0")
                    ? List.of(Transport.XMLRPC, Transport.JSONRPC, Transport.JSON2, Transport.AUTO)
                    : List.of(Transport.XMLRPC, Transport.JSONRPC, Transport.AUTO);
            for (Transport transport : transports) {
                OdooConfig config = OdooConfig.builder().url(odoo.url()).database("retail").login("admin")
                        .secret(transport == Transport.XMLRPC || transport == Transport.JSONRPC ? "admin" : KEY)
                        .transport(transport).build();
                try (OdooClient client = OdooClients.create(config)) {
                    assertThat(client.version()).as("%s on %s", transport, version).isEqualTo(expected);
                    assertThat(client.version().supportsJson2()).isEqualTo(major >= 19);
                }
            }
        }
    }

    @Test
    void autoWithAPasswordAsksNothing() {
        try (CapturingOdoo odoo = recordedServer("19.0")) {
            OdooConfig config = OdooConfig.builder().url(odoo.url()).database("retail").login("admin").secret("admin")
                    .transport(Transport.AUTO).build();
            try (OdooTransport t = TransportSelector.select(config)) {
                assertThat(t.name()).isEqualTo("xmlrpc");
            }
            assertThat(odoo.hits()).isEmpty();
        }
    }

    private static void assertXmlRpcChosen(OdooConfig config) {
        try (OdooTransport t = TransportSelector.select(config)) {
            assertThat(t.name()).isEqualTo("xmlrpc");
        }
    }
}
