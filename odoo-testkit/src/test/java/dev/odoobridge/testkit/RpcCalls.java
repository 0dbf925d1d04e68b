package dev.odoobridge.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** execute_kw over XML-RPC, JSON-RPC or JSON-2 with hand-built bodies, for tests that must not depend on a client. */
final class RpcCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeOdoo fake;

    RpcCalls(FakeOdoo fake) {
        this.fake = fake;
    }

    /** JSON-RPC {@code execute_kw}; returns the whole answer (with {@code result} or {@code error}). */
    Map<String, Object> jsonRpc(String login, String model, String method, List<?> args, Map<String, ?> kwargs)
            throws Exception {
        int uid = ((Number) jsonRpcCall("common", "authenticate", List.of(fake.database(), login, login, Map.of()))
                .get("result")).intValue();
        return jsonRpcCall("object", "execute_kw", List.of(fake.database(), uid, login, model, method, args, kwargs));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonRpcCall(String service, String method, List<?> args) throws Exception {
        Map<String, Object> body = Map.of("jsonrpc", "2.0", "method", "call", "id", 1,
                "params", Map.of("service", service, "method", method, "args", args));
        String answer = post("/jsonrpc", "application/json", JSON.writeValueAsString(body), null);
        return JSON.readValue(answer, Map.class);
    }

    /** JSON-RPC result, failing on an error. */
    Object jsonRpcResult(String model, String method, List<?> args, Map<String, ?> kwargs) throws Exception {
        Map<String, Object> answer = jsonRpc("admin", model, method, args, kwargs);
        if (answer.containsKey("error")) {
            throw new AssertionError("JSON-RPC error: " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** JSON-2 call as admin; returns the parsed body. */
    Object json2(String model, String method, Map<String, ?> body) throws Exception {
        return JSON.readValue(post("/json/2/" + model + "/" + method, "application/json",
                JSON.writeValueAsString(body), "bearer " + fake.apiKey("admin")), Object.class);
    }

    /** XML-RPC {@code execute_kw} as admin (uid from {@code authenticate}); returns the response XML. */
    String xmlRpc(String model, String method, List<?> args) throws Exception {
        String auth = post("/xmlrpc/2/common", "text/xml", call("authenticate",
                List.of(fake.database(), "admin", "admin", Map.of())), null);
        int uid = firstInt(auth);
        return post("/xmlrpc/2/object", "text/xml", call("execute_kw",
                List.of(fake.database(), uid, "admin", model, method, args, Map.of())), null);
    }

    /** The first {@code <int>} of an XML-RPC answer. */
    static int firstInt(String xml) {
        Matcher m = Pattern.compile("<int>(-?\\d+)</int>").matcher(xml);
        if (!m.find()) {
            throw new AssertionError("no int in " + xml);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String call(String method, List<?> params) {
        StringBuilder b = new StringBuilder("<?xml version='1.0'?>\n<methodCall>\n<methodName>").append(method)
                .append("</methodName>\n<params>\n");
        for (Object p : params) {
            b.append("<param>\n");
            value(b, p);
            b.append("</param>\n");
        }
        return b.append("</params>\n</methodCall>\n").toString();
    }

    private static void value(StringBuilder b, Object v) {
        b.append("<value>");
        if (v instanceof Boolean flag) {
            b.append("<boolean>").append(flag ? 1 : 0).append("</boolean>");
        } else if (v instanceof Integer || v instanceof Long) {
            b.append("<int>").append(v).append("</int>");
        } else if (v instanceof Number n) {
            b.append("<double>").append(n.doubleValue()).append("</double>");
        } else if (v instanceof Map<?, ?> map) {
            b.append("<struct>\n");
            map.forEach((k, item) -> {
                b.append("<member>\n<name>").append(k).append("</name>\n");
                value(b, item);
                b.append("</member>\n");
            });
            b.append("</struct>");
        } else if (v instanceof List<?> list) {
            b.append("<array><data>\n");
            list.forEach(item -> value(b, item));
            b.append("</data></array>");
        } else {
            b.append("<string>").append(String.valueOf(v).replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</string>");
        }
        b.append("</value>\n");
    }

    private String post(String path, String type, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.url() + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A mutable map, for building values in order. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Ids of a JSON list of numbers. */
    static List<Long> ids(Object list) {
        List<Long> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(((Number) o).longValue());
        }
        return out;
    }
}
