package dev.odoobridge.testkit.internal.server;

import static dev.odoobridge.testkit.internal.server.ServerFixture.lastLine;
import static dev.odoobridge.testkit.internal.server.ServerFixture.recording;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlRpcEndpointIT {
    private static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = new ServerFixture();
        fx.orm.insert("res.partner", Map.of("name", "My Company (Chicago)", "email", "chicago@yourcompany.com"));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static RawHttp.Response call(String service, String recordingRequest) throws Exception {
        return fx.http.post("/xmlrpc/2/" + service, "text/xml", recording(recordingRequest));
    }

    /** Requests whose whole response body must equal the recording, byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"01-xmlrpc-common-version", "02-xmlrpc-common-authenticate-ok",
            "03-xmlrpc-common-authenticate-badpassword", "16-xmlrpc-missing-model", "18-xmlrpc-private-method",
            "20-xmlrpc-write-missing-id", "24-xmlrpc-execute_kw-bad-password"})
    void answersExactlyAsRecorded(String name) throws Exception {
        String service = name.contains("common") ? "common" : "object";
        RawHttp.Response r = call(service, name + ".request.xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/xml; charset=utf-8");
        assertThat(r.body()).isEqualTo(recording(name + ".response.xml"));
    }

    /** Code-1 faults: a traceback whose last line is the recorded one. */
    @ParameterizedTest
    @ValueSource(strings = {"17-xmlrpc-wrong-method-name", "21-xmlrpc-write-bad-field",
            "23-xmlrpc-search_read-bad-domain-operator", "22-xmlrpc-search_read-bad-domain-field",
            "05-xmlrpc-common-authenticate-baddb", "29-xmlrpc-unknown-service"})
    void tracebackFaultsEndLikeTheRecording(String name) throws Exception {
        String service = name.contains("common") ? "common" : name.contains("unknown-service") ? "nosuchservice" : "object";
        RawHttp.Response r = call(service, name + ".request.xml");
        String expected = recording(name + ".response.xml");
        assertThat(r.body()).startsWith("<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n")
                .contains("<name>faultCode</name>\n<value><int>1</int></value>")
                .contains("<value><string>Traceback (most recent call last):\n");
        assertThat(lastLineOfFault(r.body())).isEqualTo(lastLineOfFault(expected));
    }

    private static String lastLineOfFault(String xml) {
        String text = xml.substring(xml.indexOf("<value><string>") + 15, xml.lastIndexOf("</string>"));
        return lastLine(text);
    }

    @Test
    void accessErrorIsCode4() throws Exception {
        RawHttp.Response r = call("object", "13-xmlrpc-accesserror-demo-write-res-company.request.xml");
        assertThat(r.body()).contains("<name>faultCode</name>\n<value><int>4</int></value>")
                .contains("You are not allowed to modify 'Companies' (res.company) records.");
    }

    @Test
    void searchReadReturnsStructsWithPythonScalars() throws Exception {
        fx.orm.insert("product.product", Map.of("name", "Office Chair & Co <x>", "list_price", 70.0,
                "default_code", false, "qty_available", 12000000.0));
        RawHttp.Response r = call("object", "06-xmlrpc-product-search_read-limit5.request.xml");
        assertThat(r.body()).contains("<name>name</name>\n<value><string>Office Chair &amp; Co &lt;x&gt;</string></value>")
                .contains("<value><double>70.0</double></value>")
                .contains("<value><double>12000000.0</double></value>")
                .contains("<name>default_code</name>\n<value><boolean>0</boolean></value>")
                .contains("<name>write_date</name>\n<value><string>2026-11-21 19:14:41</string></value>");
        assertThat(fx.orm.requests).last().satisfies(req -> {
            assertThat(req.uid()).isEqualTo(2);
            assertThat(req.ids()).isNull();
            assertThat(req.args()).isEqualTo(List.of(List.of()));
            assertThat(req.kwargs()).containsEntry("limit", 5).containsEntry("order", "id");
        });
    }

    @Test
    void createManyReturnsAnArrayOfInts() throws Exception {
        RawHttp.Response r = call("object", "28-xmlrpc-create-multi-products.request.xml");
        assertThat(r.body()).matches("(?s).*<value><array><data>\n<value><int>\\d+</int></value>\n<value><int>\\d+</int></value>\n</data></array></value>.*");
    }

    @Test
    void noneResultIsAMarshalFault() throws Exception {
        String body = "<?xml version='1.0'?>\n<methodCall>\n<methodName>execute_kw</methodName>\n<params>\n"
                + "<param><value><string>retail</string></value></param><param><value><int>2</int></value></param>"
                + "<param><value><string>admin</string></value></param><param><value><string>res.partner</string></value></param>"
                + "<param><value><string>returns_none</string></value></param><param><value><array><data>"
                + "<value><nil/></value></data></array></value></param></params></methodCall>";
        RawHttp.Response r = fx.http.post("/xmlrpc/2/object", "text/xml", body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(lastLineOfFault(r.body())).isEqualTo("TypeError: cannot marshal None unless allow_none is enabled");
        assertThat(fx.orm.requests).last().satisfies(req -> assertThat(req.args()).containsExactly((Object) null));
    }

    @Test
    void doctypeIsRefusedWithoutExpandingEntities() throws Exception {
        String body = "<?xml version='1.0'?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<methodCall><methodName>version</methodName><params><param><value>&e;</value></param></params></methodCall>";
        RawHttp.Response r = fx.http.post("/xmlrpc/2/common", "text/xml", body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<value><int>1</int></value>").doesNotContain("root:");
    }

    @Test
    void executeWithPositionalArgumentsAndLegacyPath() throws Exception {
        String body = "<?xml version='1.0'?>\n<methodCall>\n<methodName>execute</methodName>\n<params>\n"
                + "<param><value><string>retail</string></value></param><param><value><int>2</int></value></param>"
                + "<param><value><string>admin</string></value></param><param><value><string>res.partner</string></value></param>"
                + "<param><value><string>search_count</string></value></param><param><value><array><data></data></array></value></param>"
                + "</params></methodCall>";
        RawHttp.Response r = fx.http.post("/xmlrpc/object", "text/xml", body);
        assertThat(r.body()).matches("(?s).*<params>\n<param>\n<value><int>\\d+</int></value>\n</param>.*");
    }

    @Test
    void apiKeyWorksAsPassword() throws Exception {
        String key = fx.credentials.apiKey("admin");
        String body = recording("24-xmlrpc-execute_kw-bad-password.request.xml").replace("wrong-password", key);
        RawHttp.Response r = fx.http.post("/xmlrpc/2/object", "text/xml", body);
        assertThat(r.body()).doesNotContain("<fault>").contains("<value><int>");
    }
}
