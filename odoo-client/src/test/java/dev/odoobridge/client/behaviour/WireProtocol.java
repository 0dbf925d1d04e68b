package dev.odoobridge.client.behaviour;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.spi.OdooClientListener;
import dev.odoobridge.client.testing.Recordings;
import dev.odoobridge.client.testing.Recordings.RecordedExchange;

/**
 * The three wire protocols as WireMock sees them: how to let a client log in, which request a
 * {@code product.product} search_read (recorded on each protocol) and a {@code res.partner} create
 * are, and a client configured for the protocol. For tests that run one scenario over every transport.
 */
enum WireProtocol {
    XMLRPC(Transport.XMLRPC, "s3cret-password", "06-xmlrpc-product-search_read-limit5") {
        @Override
        void stubLogin(WireMockServer server) {
            RecordedExchange ok = Recordings.load("02-xmlrpc-common-authenticate-ok");
            server.stubFor(post(urlPathEqualTo("/xmlrpc/2/common"))
                    .withRequestBody(matchingXPath("/methodCall/methodName[.='authenticate']"))
                    .willReturn(aResponse().withHeader("Content-Type", ok.contentType()).withBody(ok.responseBody())));
        }

        @Override
        MappingBuilder call(String model, String method) {
            return post(urlPathEqualTo("/xmlrpc/2/object"))
                    .withRequestBody(matchingXPath("/methodCall/params/param[4]/value[.='" + model + "']"))
                    .withRequestBody(matchingXPath("/methodCall/params/param[5]/value[.='" + method + "']"));
        }
    },
    JSONRPC(Transport.JSONRPC, "s3cret-password", "33-jsonrpc-product-search_read-limit5") {
        @Override
        void stubLogin(WireMockServer server) {
            RecordedExchange ok = Recordings.load("31-jsonrpc-common-authenticate-ok");
            server.stubFor(post(urlPathEqualTo("/jsonrpc"))
                    .withRequestBody(matchingJsonPath("$.params.service", equalTo("common")))
                    .willReturn(aResponse().withHeader("Content-Type", ok.contentType()).withBody(ok.responseBody())));
        }

        @Override
        MappingBuilder call(String model, String method) {
            return post(urlPathEqualTo("/jsonrpc"))
                    .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(model)))
                    .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo(method)));
        }
    },
    JSON2(Transport.JSON2, "ffd124b4ed6fe0596bf7ffc40290d3556bc870bf", "41-json2-product-search_read-limit5") {
        @Override
        void stubLogin(WireMockServer server) {
            // JSON-2 sends the key with every call; there is no login
        }

        @Override
        MappingBuilder call(String model, String method) {
            return post(urlPathEqualTo("/json/2/" + model + "/" + method));
        }
    };

    final Transport transport;
    final String secret;
    final String searchReadRecording;

    WireProtocol(Transport transport, String secret, String searchReadRecording) {
        this.transport = transport;
        this.secret = secret;
        this.searchReadRecording = searchReadRecording;
    }

    /** Stubs what a model call needs first (the login of XML-RPC and JSON-RPC). */
    abstract void stubLogin(WireMockServer server);

    /** The request of an ORM call. */
    abstract MappingBuilder call(String model, String method);

    /** The recorded answer of the product search_read. */
    RecordedExchange searchReadAnswer() {
        return Recordings.load(searchReadRecording);
    }

    /** A client for this protocol against {@code server}. */
    OdooClient client(WireMockServer server, RetryPolicy retry, OdooClientListener listener) {
        return OdooClients.create(OdooConfig.builder().url("http://localhost:" + server.port())
                .database("retail").login("admin").secret(secret).transport(transport)
                .retryPolicy(retry).listener(listener).build());
    }
}
