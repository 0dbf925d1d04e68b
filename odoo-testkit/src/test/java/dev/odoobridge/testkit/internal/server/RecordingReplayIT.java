package dev.odoobridge.testkit.internal.server;

import static dev.odoobridge.testkit.internal.server.ServerFixture.lastLine;
import static dev.odoobridge.testkit.internal.server.ServerFixture.recording;
import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.internal.orm.FakeOrm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays every recorded request (in recording order, database {@code retail}) against a FakeOdoo
 * with generated data and compares the response's structure with the recording: status, content
 * type, envelope, keys, value types (an empty {@code False} matches any type), fault code and
 * exception class. Ids and keys are adapted: the demo user's uid, API keys, ids created earlier in
 * the replay, and a confirmed sale order for the unlink-refused calls. Fields outside FakeOdoo's
 * retail data model (the recorded server had more modules) are left out of the requests and of the
 * expected records.
 */
class RecordingReplayIT {
    private static final String RECORDED_ADMIN_KEY = "ffd124b4ed6fe0596bf7ffc40290d3556bc870bf";
    private static final String RECORDED_DEMO_KEY = "5745824ffb4a65c06333d1c8652e51915667f9c3";
    private static final PythonJson JSON = new PythonJson();
    private static final XmlRpcReader XML = new XmlRpcReader();

    /** Fields the recorded requests ask for that the shared retail data model does not have. */
    private static final java.util.Set<String> OUTSIDE_MODEL =
            java.util.Set.of("inventory_date", "tag_ids", "note", "validity_date", "country_id");

    private static FakeOdoo fake;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        fake = FakeOdoo.builder().database("retail").products(60).seed(3).build().start();
        http = new RawHttp(java.net.URI.create(fake.url()));
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRecordedRequestGetsAResponseOfTheRecordedShape() throws Exception {
        FakeOrm orm = (FakeOrm) fake.orm();
        long confirmedOrder = orm.ids("sale.order", List.of(List.of("state", "=", "sale"))).get(0);
        long demoUid = orm.ids("res.users", List.of(List.of("login", "=", "demo"))).get(0);
        Map<String, String> replacements = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        List<Object> index = (List<Object>) JSON.read(recording("INDEX.json"));
        for (Object entry : index) {
            Map<String, Object> e = (Map<String, Object>) entry;
            String name = (String) e.get("name");
            Map<String, Object> meta = (Map<String, Object>) JSON.read(recording(name + ".meta.json"));
            boolean xml = name.contains("xmlrpc");
            String request = xml || ((String) meta.get("method")).equals("GET") && !name.startsWith("65")
                    ? (xml ? recording(name + ".request.xml") : "") : recording(name + ".request.json");
            request = adapt(name, request, replacements, confirmedOrder, demoUid);
            String expected = recording(name + (xml ? ".response.xml" : ".response.json"));
            RawHttp.Response actual = send(meta, request);
            String problem = compare(name, meta, expected, actual);
            if (problem != null) {
                mismatches.add(name + ": " + problem);
            }
            learnCreatedIds(name, expected, actual.body(), replacements);
        }
        assertThat(mismatches).isEmpty();
    }

    private static String adapt(String name, String request, Map<String, String> replacements, long order, long demoUid) {
        String r = request;
        for (String field : OUTSIDE_MODEL) {
            r = r.replace("<value><string>" + field + "</string></value>\n", "").replace(", \"" + field + "\"", "");
        }
        for (Map.Entry<String, String> e : replacements.entrySet()) {
            r = r.replace(e.getKey(), e.getValue());
        }
        if (name.contains("demo")) {
            r = r.replace("<value><int>5</int></value>", "<value><int>" + demoUid + "</int></value>")
                    .replace("\"retail\", 5, \"demo\"", "\"retail\", " + demoUid + ", \"demo\"");
        }
        if (name.contains("unlink-confirmed-sale-order")) {
            r = r.replace("<int>4</int>", "<int>" + order + "</int>").replace("[4]", "[" + order + "]");
        }
        return r;
    }

    private static RawHttp.Response send(Map<String, Object> meta, String body) throws Exception {
        String path = (String) meta.get("path");
        List<String> headers = new ArrayList<>();
        String contentType = "text/xml";
        for (Object h : (List<Object>) meta.get("request_headers")) {
            List<String> pair = (List<String>) h;
            switch (pair.get(0)) {
                case "Content-Type" -> contentType = pair.get(1);
                case "Authorization" -> {
                    headers.add("Authorization");
                    headers.add(pair.get(1).replace(RECORDED_ADMIN_KEY, fake.apiKey("admin"))
                            .replace(RECORDED_DEMO_KEY, fake.apiKey("demo")));
                }
                case "X-Odoo-Database", "Accept" -> {
                    headers.add(pair.get(0));
                    headers.add(pair.get(1));
                }
                default -> {
                }
            }
        }
        if ("GET".equals(meta.get("method"))) {
            return http.get(path, headers.toArray(String[]::new));
        }
        return http.post(path, contentType, body, headers.toArray(String[]::new));
    }

    private static final Pattern XML_INT = Pattern.compile("<value><int>(\\d+)</int></value>");

    /** Ids created by the recorded create calls become the ids FakeOdoo created, in later requests. */
    private static void learnCreatedIds(String name, String expected, String actual, Map<String, String> replacements) {
        if (name.equals("25-xmlrpc-create-partner")) {
            Matcher a = XML_INT.matcher(expected);
            Matcher b = XML_INT.matcher(actual);
            if (a.find() && b.find()) {
                replacements.put("<int>" + a.group(1) + "</int>", "<int>" + b.group(1) + "</int>");
            }
        } else if (name.equals("62-json2-create-partner")) {
            replacements.put(expected.strip(), actual.strip());
        }
    }

    @SuppressWarnings("unchecked")
    private static String compare(String name, Map<String, Object> meta, String expected, RawHttp.Response actual)
            throws Exception {
        int status = ((Number) meta.get("status")).intValue();
        if (actual.status() != status) {
            return "status " + actual.status() + " instead of " + status + ": " + abbreviate(actual.body());
        }
        if (!Objects.equals(actual.contentType(), meta.get("content_type"))) {
            return "content type " + actual.contentType();
        }
        if (name.contains("xmlrpc")) {
            boolean expFault = expected.contains("<fault>");
            if (expFault != actual.body().contains("<fault>")) {
                return "fault expected " + expFault + ": " + abbreviate(actual.body());
            }
            Object exp = parseXmlResponse(expected);
            Object act = parseXmlResponse(actual.body());
            if (expFault) {
                Map<String, Object> e = (Map<String, Object>) exp;
                Map<String, Object> a = (Map<String, Object>) act;
                if (!e.get("faultCode").equals(a.get("faultCode"))) {
                    return "faultCode " + a.get("faultCode") + " instead of " + e.get("faultCode") + ": " + a.get("faultString");
                }
                return exceptionType((String) e.get("faultString")).equals(exceptionType((String) a.get("faultString")))
                        ? null : "fault " + lastLine((String) a.get("faultString"));
            }
            return shape("$", exp, act, name.contains("fields_get"));
        }
        if (actual.contentType().startsWith("text/html")) {
            return expected.equals(actual.body()) ? null : "html body differs";
        }
        Object exp = JSON.read(expected);
        Object act = JSON.read(actual.body());
        if (exp instanceof Map<?, ?> e && (e.containsKey("debug") || e.containsKey("error"))) {
            Map<String, Object> ed = (Map<String, Object>) (e.containsKey("error") ? ((Map<?, ?>) e.get("error")).get("data") : e);
            Map<String, Object> am = (Map<String, Object>) act;
            Map<String, Object> ad = (Map<String, Object>) (am.containsKey("error") ? ((Map<?, ?>) am.get("error")).get("data") : am);
            if (ad == null || !Objects.equals(ed.get("name"), ad.get("name"))) {
                return "exception " + (ad == null ? act : ad.get("name") + " " + ad.get("message")) + " instead of " + ed.get("name");
            }
            if (!ed.keySet().equals(ad.keySet())) {
                return "error keys " + ad.keySet();
            }
            return e.containsKey("error") && !((Map<?, ?>) e.get("error")).keySet().equals(((Map<?, ?>) am.get("error")).keySet())
                    ? "error envelope keys differ" : null;
        }
        return shape("$", exp, act, name.contains("fields_get"));
    }

    private static String exceptionType(String faultString) {
        String last = lastLine(faultString);
        int colon = last.indexOf(':');
        return faultString.startsWith("Traceback") && colon > 0 ? last.substring(0, colon) : "message";
    }

    private static Object parseXmlResponse(String xml) throws Exception {
        String call = xml.replace("<methodResponse>", "<methodCall><methodName>r</methodName>")
                .replace("</methodResponse>", "</methodCall>")
                .replace("<fault>", "<params><param>").replace("</fault>", "</param></params>");
        return XML.read(new ByteArrayInputStream(call.getBytes(StandardCharsets.UTF_8))).params().get(0);
    }

    /** Null when {@code act} has the shape of {@code exp}; otherwise where and how it differs. */
    private static String shape(String path, Object exp, Object act, boolean keysSubset) {
        if (Boolean.FALSE.equals(exp) || Boolean.FALSE.equals(act)) {
            return null;
        }
        if (exp instanceof Map<?, ?> e) {
            if (!(act instanceof Map<?, ?> a)) {
                return path + ": object expected, got " + abbreviate(String.valueOf(act));
            }
            java.util.Set<Object> expectedKeys = new java.util.LinkedHashSet<>(e.keySet());
            expectedKeys.removeAll(OUTSIDE_MODEL);
            if (!keysSubset && !expectedKeys.equals(a.keySet())) {
                return path + ": keys " + a.keySet() + " instead of " + expectedKeys;
            }
            for (Object k : e.keySet()) {
                if (a.containsKey(k)) {
                    String p = shape(path + "." + k, e.get(k), a.get(k), false);
                    if (p != null) {
                        return p;
                    }
                }
            }
            return keysSubset && e.keySet().stream().noneMatch(a::containsKey) ? path + ": no common keys" : null;
        }
        if (exp instanceof List<?> e) {
            if (!(act instanceof List<?> a)) {
                return path + ": list expected, got " + abbreviate(String.valueOf(act));
            }
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                String p = shape(path + "[" + i + "]", e.get(i), a.get(i), false);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        String et = exp == null ? "null" : exp instanceof Integer || exp instanceof Long ? "int" : exp.getClass().getSimpleName();
        String at = act == null ? "null" : act instanceof Integer || act instanceof Long ? "int" : act.getClass().getSimpleName();
        return et.equals(at) ? null : path + ": " + at + " " + abbreviate(String.valueOf(act)) + " instead of " + et + " " + exp;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
