package dev.odoobridge.client.internal.xmlrpc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.testing.Recordings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transport against hostile or broken servers: deserialization, entities, size, keep-alive, I/O failures. */
class XmlRpcTransportHardeningIT {
    private static final String SECRET = "s3cret-api-key-never-shown";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeEach
    void reset() {
        DeserializationMarker.DESERIALIZED.set(false);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : resources) {
            c.close();
        }
    }

    @Test
    void faultWithSerializedCauseIsNeverDeserialized() {
        serveObject(DeserializationMarker.faultWithCause());
        OdooServerException e = catchThrowableOfType(OdooServerException.class,
                () -> transport(wm.baseUrl(), b -> { }).execute(searchCount()));
        assertThat(e.fault().exceptionType()).isEqualTo("ValueError");
        assertThat(e.serverMessage()).isEqualTo("boom");
        assertThat(e.getCause()).isNull();
        assertThat(DeserializationMarker.DESERIALIZED).isFalse();
    }

    @Test
    void serializedValueIsRejectedUnread() {
        serveObject(DeserializationMarker.serializableValue());
        assertKind(() -> transport(wm.baseUrl(), b -> { }).execute(searchCount()), Kind.MALFORMED_RESPONSE);
        assertThat(DeserializationMarker.DESERIALIZED).isFalse();
    }

    @Test
    void externalEntityAndBillionLaughsAreMalformed() {
        serveObject("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<methodResponse><params><param><value><string>&x;</string></value></param></params></methodResponse>");
        XmlRpcTransport transport = transport(wm.baseUrl(), b -> { });
        assertKind(() -> transport.execute(searchCount()), Kind.MALFORMED_RESPONSE);
        serveObject("<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><methodResponse><params><param><value><string>&c;</string>"
                + "</value></param></params></methodResponse>");
        assertKind(() -> transport.execute(searchCount()), Kind.MALFORMED_RESPONSE);
    }

    @Test
    void largeResponsesDecodeCompletely() {
        serveObject(new String(Recordings.bytes("large/product-search_read-all.response.xml"), StandardCharsets.UTF_8));
        assertThat((List<?>) transport(wm.baseUrl(), b -> { }).execute(searchCount())).hasSize(5047);
    }

    @Test
    void declaredLengthOverTheCapFailsBeforeReading() {
        serveObject(new String(Recordings.bytes("large/product-search_read-all.response.xml"), StandardCharsets.UTF_8));
        OdooTransportException e = assertKind(() -> transport(wm.baseUrl(), b -> b.maxResponseBytes(100_000))
                .execute(searchCount()), Kind.RESPONSE_TOO_LARGE);
        assertThat(e.getMessage()).contains("maxResponseBytes (100000 bytes)");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void endlessChunkedBodyIsCutAtTheCap() throws Exception {
        HttpServer server = server();
        CountDownLatch clientGaveUp = new CountDownLatch(1);
        byte[] auth = Recordings.load("02-xmlrpc-common-authenticate-ok").responseBody().getBytes(StandardCharsets.UTF_8);
        server.createContext("/xmlrpc/2/common", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, auth.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(auth);
            }
        });
        server.createContext("/xmlrpc/2/object", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length
            byte[] chunk = "<value><string>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</string></value>".getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<?xml version=\"1.0\"?><methodResponse><params><param><value><array><data>".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 2_000_000; i++) { // about 140 MB if nobody stops reading
                    out.write(chunk);
                }
            } catch (IOException closedByClient) {
                clientGaveUp.countDown();
            }
        });
        OdooTransportException e = assertKind(() -> transport(url(server), b -> b.maxResponseBytes(200_000))
                .execute(searchCount()), Kind.RESPONSE_TOO_LARGE);
        assertThat(e.getCause()).isInstanceOf(dev.odoobridge.client.internal.http.ResponseTooLargeException.class);
        assertThat(clientGaveUp.await(30, TimeUnit.SECONDS)).as("server saw the client hang up").isTrue();
    }

    @Test
    void callsReuseOneKeepAliveConnection() throws Exception {
        HttpServer server = server();
        Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
        byte[] auth = Recordings.load("02-xmlrpc-common-authenticate-ok").responseBody().getBytes(StandardCharsets.UTF_8);
        byte[] count = Recordings.load("09-xmlrpc-partner-search_count").responseBody().getBytes(StandardCharsets.UTF_8);
        server.createContext("/xmlrpc/2/", exchange -> {
            clients.add(exchange.getRemoteAddress());
            exchange.getRequestBody().readAllBytes();
            byte[] body = exchange.getRequestURI().getPath().endsWith("common") ? auth : count;
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        XmlRpcTransport transport = transport(url(server), b -> { });
        for (int i = 0; i < 5; i++) {
            assertThat(transport.execute(searchCount())).isEqualTo(41);
        }
        assertThat(clients).as("client sockets seen by the server for 6 calls").hasSize(1);
    }

    @Test
    void refusedConnectionIsConnect() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OdooTransportException e = assertKind(() -> transport("http://127.0.0.1:" + port, b -> { }).version(), Kind.CONNECT);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("127.0.0.1:" + port, "check the url");
    }

    @Test
    void slowServerIsTimeout() throws Exception {
        HttpServer server = server();
        CountDownLatch release = new CountDownLatch(1);
        server.createContext("/xmlrpc/2/common", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try {
            OdooTransportException e = assertKind(() -> transport(url(server), b -> b.requestTimeout(Duration.ofMillis(300)))
                    .version(), Kind.TIMEOUT);
            assertThat(e.isRetryable()).isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void connectionDroppedMidAnswerIsConnectionReset() {
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/common")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        XmlRpcTransport transport = transport(wm.baseUrl(), b -> { });
        assertKind(transport::version, Kind.CONNECTION_RESET);
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/common")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertKind(transport::version, Kind.CONNECTION_RESET);
    }

    @Test
    void truncatedBodyIsConnectionReset() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket s = socket.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 5000\r\n\r\n"
                            + "<?xml version=\"1.0\"?><methodResponse><params>").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the client side reports the failure
                }
            });
            answer.start();
            assertKind(() -> transport("http://127.0.0.1:" + socket.getLocalPort(), b -> { }).version(),
                    Kind.CONNECTION_RESET);
            answer.join(10_000);
        }
    }

    @Test
    void httpErrorsCarryTheirStatus() {
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/common")).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        XmlRpcTransport transport = transport(wm.baseUrl(), b -> { });
        OdooTransportException bad = assertKind(transport::version, Kind.HTTP_STATUS);
        assertThat(bad.httpStatus()).isEqualTo(502);
        assertThat(bad.isRetryable()).isTrue();
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/common")).willReturn(aResponse().withStatus(404).withBody("Not Found")));
        OdooTransportException missing = assertKind(transport::version, Kind.HTTP_STATUS);
        assertThat(missing.httpStatus()).isEqualTo(404);
        assertThat(missing.isRetryable()).isFalse();
        assertThat(missing.getMessage()).contains("HTTP 404", "/xmlrpc/2/common");
    }

    @Test
    void htmlInsteadOfXmlRpcIsMalformed() {
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/common")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<!DOCTYPE html><html><body>Login</body></html>")));
        assertKind(() -> transport(wm.baseUrl(), b -> { }).version(), Kind.MALFORMED_RESPONSE);
    }

    @Test
    void theSecretAppearsInNoExceptionMessage() {
        List<OdooException> failures = new ArrayList<>();
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/common")).willReturn(aResponse().withBody(
                Recordings.load("03-xmlrpc-common-authenticate-badpassword").responseBody())));
        failures.add(catchThrowableOfType(OdooException.class, () -> transport(wm.baseUrl(), b -> { }).authenticate()));
        serveObject(Recordings.load("24-xmlrpc-execute_kw-bad-password").responseBody());
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/common")).willReturn(aResponse().withBody(
                Recordings.load("02-xmlrpc-common-authenticate-ok").responseBody())));
        failures.add(catchThrowableOfType(OdooException.class, () -> transport(wm.baseUrl(), b -> { }).execute(searchCount())));
        serveObject("<methodResponse><params><param><value><int>oops</int></value></param></params></methodResponse>");
        failures.add(catchThrowableOfType(OdooException.class, () -> transport(wm.baseUrl(), b -> { }).execute(searchCount())));
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/object")).willReturn(aResponse().withStatus(500)));
        failures.add(catchThrowableOfType(OdooException.class, () -> transport(wm.baseUrl(), b -> { }).execute(searchCount())));
        assertThat(failures).hasSize(4).doesNotContainNull();
        for (Throwable t : failures) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                assertThat(String.valueOf(c.getMessage())).doesNotContain(SECRET);
                assertThat(c.toString()).doesNotContain(SECRET);
            }
        }
        assertThat(transport(wm.baseUrl(), b -> { }).toString()).doesNotContain(SECRET);
    }

    @Test
    void outOfRangeIntegersAndNullsAreRefusedBeforeSending() {
        XmlRpcTransport transport = transport(wm.baseUrl(), b -> { });
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/common")).willReturn(aResponse().withBody(
                Recordings.load("02-xmlrpc-common-authenticate-ok").responseBody())));
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "read", List.of(3_000_000_000L), Map.of(), true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3000000000").hasMessageContaining("32-bit");
        java.util.HashMap<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("vals", java.util.Collections.singletonMap("name", null));
        assertThatThrownBy(() -> transport.execute(new OdooCall("res.partner", "create", null, withNull, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Boolean.FALSE");
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/xmlrpc/2/object"))))
                .isEmpty();
    }

    // ---- helpers ----

    private static OdooCall searchCount() {
        return new OdooCall("res.partner", "search_count", null, Map.of("domain", List.of()), true);
    }

    private static void serveObject(String body) {
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/common")).withRequestBody(containing("authenticate"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(
                        Recordings.load("02-xmlrpc-common-authenticate-ok").responseBody())));
        wm.stubFor(post(urlEqualTo("/xmlrpc/2/object")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml; charset=utf-8").withBody(body)));
    }

    private XmlRpcTransport transport(String url, java.util.function.Consumer<OdooConfig.Builder> custom) {
        OdooConfig.Builder builder = OdooConfig.builder().url(url).database("retail").login("admin").secret(SECRET)
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(20));
        custom.accept(builder);
        XmlRpcTransport transport = new XmlRpcTransport(builder.build());
        resources.add(transport);
        return transport;
    }

    private HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        resources.add(() -> server.stop(0));
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static OdooTransportException assertKind(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Kind kind) {
        OdooTransportException e = catchThrowableOfType(OdooTransportException.class, call);
        assertThat(e).as("expected an OdooTransportException of kind " + kind).isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        return e;
    }
}
