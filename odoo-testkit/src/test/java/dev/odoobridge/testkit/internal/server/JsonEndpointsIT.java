package dev.odoobridge.testkit.internal.server;

import static dev.odoobridge.testkit.internal.server.ServerFixture.lastLine;
import static dev.odoobridge.testkit.internal.server.ServerFixture.recording;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonEndpointsIT {
    private static ServerFixture fx;
    private static String adminKey;
    private static String demoKey;
    private static final PythonJson JSON = new PythonJson();

    @BeforeAll
    static void start() {
        fx = new ServerFixture();
        adminKey = fx.credentials.apiKey("admin");
        demoKey = fx.credentials.apiKey("demo");
        fx.orm.insert("res.partner", Map.of("name", "My Company (Chicago)"));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static RawHttp.Response json2(String path, String body, String key) throws Exception {
        return fx.http.post(path, "application/json; charset=utf-8", body,
                "Authorization", "bearer " + key, "X-Odoo-Database", "retail");
    }

    private static String json2Path(String name) {
        return (String) meta(name).get("path");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(String name) {
        try {
            return (Map<String, Object>) JSON.read(recording(name + ".meta.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertErrorBodyLike(String name, String actualBody) throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>((Map<String, Object>) JSON.read(recording(name + ".response.json")));
        Map<String, Object> actual = new LinkedHashMap<>((Map<String, Object>) JSON.read(actualBody));
        assertThat(lastLine((String) actual.remove("debug"))).isEqualTo(lastLine((String) expected.remove("debug")));
        assertThat(actual).isEqualTo(expected);
        assertThat(actualBody).startsWith("{\"name\": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30-jsonrpc-common-version", "31-jsonrpc-common-authenticate-ok",
            "32-jsonrpc-common-authenticate-badpassword", "39-jsonrpc-fault-bad-password"})
    void jsonRpcAnswersExactlyAsRecorded(String name) throws Exception {
        RawHttp.Response r = fx.http.post("/jsonrpc", "application/json", recording(name + ".request.json"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(r.body()).isEqualTo(recording(name + ".response.json"));
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"34-jsonrpc-fault-missing-model", "35-jsonrpc-fault-accesserror-demo-write-res-company",
            "38-jsonrpc-fault-missingerror-write-missing-id"})
    void jsonRpcErrorsCarryTheRecordedClassAndMessage(String name) throws Exception {
        RawHttp.Response r = fx.http.post("/jsonrpc", "application/json", recording(name + ".request.json"));
        Map<String, Object> actual = (Map<String, Object>) JSON.read(r.body());
        Map<String, Object> expected = (Map<String, Object>) JSON.read(recording(name + ".response.json"));
        assertThat(actual.keySet()).containsExactly("jsonrpc", "id", "error");
        Map<String, Object> err = (Map<String, Object>) actual.get("error");
        Map<String, Object> expErr = (Map<String, Object>) expected.get("error");
        assertThat(err.get("code")).isEqualTo(expErr.get("code"));
        assertThat(err.get("message")).isEqualTo("Odoo Server Error");
        Map<String, Object> data = (Map<String, Object>) err.get("data");
        Map<String, Object> expData = (Map<String, Object>) expErr.get("data");
        assertThat(data.keySet()).containsExactlyElementsOf(expData.keySet());
        assertThat(data.get("name")).isEqualTo(expData.get("name"));
        if (!name.contains("accesserror")) {
            assertThat(data.get("message")).isEqualTo(expData.get("message"));
        }
        assertThat((String) data.get("debug")).contains("\n" + ((String) expData.get("name")).replace("builtins.", "") + ": ");
    }

    @Test
    void jsonRpcSearchReadStreamsTheResult() throws Exception {
        RawHttp.Response r = fx.http.post("/jsonrpc", "application/json", recording("33-jsonrpc-product-search_read-limit5.request.json"));
        assertThat(r.body()).startsWith("{\"jsonrpc\": \"2.0\", \"id\": 4, \"result\": [");
    }

    @Test
    void webVersionIsExact() throws Exception {
        RawHttp.Response r = fx.http.get("/web/version");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(recording("40-web-version-get.response.json"));
        assertThat(r.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"48-json2-missing-model", "49-json2-wrong-method-name", "50-json2-private-method",
            "57-json2-write-missing-id", "58-json2-write-bad-field", "59-json2-search_read-bad-domain",
            "60-json2-bad-argument-name", "61-json2-ids-on-model-method"})
    void json2ErrorsMatchTheRecording(String name) throws Exception {
        RawHttp.Response r = json2(json2Path(name), recording(name + ".request.json"), adminKey);
        assertThat(r.status()).isEqualTo(((Number) meta(name).get("status")).intValue());
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        assertErrorBodyLike(name, r.body());
    }

    @Test
    void json2AccessErrorIs403() throws Exception {
        String name = "53-json2-accesserror-demo-write-res-company";
        RawHttp.Response r = json2(json2Path(name), recording(name + ".request.json"), demoKey);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("\"name\": \"odoo.exceptions.AccessError\"");
    }

    @Test
    void json2UserErrorIs422() throws Exception {
        RawHttp.Response r = json2("/json/2/res.partner/action_confirm", "{\"ids\": [1]}", adminKey);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("\"name\": \"odoo.exceptions.UserError\"");
    }

    @Test
    void json2UnexpectedArgumentIs422() throws Exception {
        RawHttp.Response r = json2("/json/2/res.partner/search_count", "{\"domain\": [], \"limt\": 3}", adminKey);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("\"message\": \"got an unexpected keyword argument 'limt'\"");
    }

    @Test
    void json2MissingKeyAndBadKeyAre401WithChallenge() throws Exception {
        RawHttp.Response none = fx.http.post("/json/2/res.partner/search_count", "application/json", "{\"domain\": []}");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertErrorBodyLike("52-json2-no-authorization", none.body());
        RawHttp.Response bad = json2("/json/2/res.partner/search_count", "{\"domain\": []}", "0".repeat(40));
        assertThat(bad.status()).isEqualTo(401);
        assertErrorBodyLike("51-json2-bad-api-key", bad.body());
    }

    @Test
    void json2SchemeIsCaseInsensitiveAndDatabaseHeaderOptional() throws Exception {
        RawHttp.Response r = fx.http.post("/json/2/res.partner/search_count", "application/json", "{\"domain\": []}",
                "Authorization", "Bearer " + adminKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).matches("\\d+");
        assertThat(r.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void json2UnknownDatabaseIsTheHtml404Page() throws Exception {
        RawHttp.Response r = fx.http.post("/json/2/res.partner/search_count", "application/json", "{\"domain\": []}",
                "Authorization", "bearer " + adminKey, "X-Odoo-Database", "no_such_db");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(r.body()).isEqualTo(recording("66-json2-bad-db-header.response.json"));
    }

    @Test
    void json2GetRootIsTheCatchAll404() throws Exception {
        RawHttp.Response r = fx.http.get("/json/2", "Authorization", "bearer " + adminKey);
        assertThat(r.status()).isEqualTo(404);
        assertErrorBodyLike("65-json2-get-root", r.body());
    }

    @Test
    void json2BindsNamedArgumentsAndContext() throws Exception {
        RawHttp.Response r = json2("/json/2/res.partner/read", recording("47-json2-read-with-ids.request.json"), adminKey);
        assertThat(r.status()).isEqualTo(200);
        assertThat(fx.orm.requests).last().satisfies(req -> {
            assertThat(req.ids()).isEqualTo(List.of(43));
            assertThat(req.args()).isEmpty();
            assertThat(req.kwargs()).containsEntry("context", Map.of("lang", "en_US"))
                    .containsEntry("fields", List.of("name", "email", "is_company", "child_ids", "country_id"));
        });
        RawHttp.Response created = json2("/json/2/res.partner/create", recording("62-json2-create-partner.request.json"), adminKey);
        assertThat(created.body()).matches("\\[\\d+]");
        assertThat(fx.orm.requests).last().satisfies(req -> assertThat(req.ids()).isNull());
        RawHttp.Response unlink = json2("/json/2/res.partner/unlink", "{}", adminKey);
        assertThat(unlink.body()).isEqualTo("true");
        assertThat(fx.orm.requests).last().satisfies(req -> assertThat(req.ids()).isEmpty());
    }

    @Test
    void json2TypeErrorFromABusinessMethodIs422() throws Exception {
        RawHttp.Response r = json2("/json/2/res.partner/explode", "{\"ids\": [1], \"x\": 1}", adminKey);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("werkzeug.exceptions.UnprocessableEntity");
    }

    @Test
    void unknownPathIsAnHtml404() throws Exception {
        RawHttp.Response r = fx.http.get("/nowhere");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("text/html");
    }
}
