package dev.odoobridge.testkit.internal.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.odoobridge.testkit.internal.orm.OdooRelease;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /jsonrpc}: {@code {"jsonrpc", "method": "call", "params": {service, method, args}, "id"}};
 * errors are HTTP 200 with {@code error.code} 200 (17.0, 18.0) or 0 (19.0), {@code "Odoo Server Error"} and
 * {@code data} (name, debug, message, arguments, context before 19.0; name, message, arguments, context, debug
 * from 19.0). A None result is an answer without a {@code result} member. A body that is not JSON is HTTP 400
 * with an HTML page. Also {@code POST /web/webclient/version_info} (a JSON-RPC envelope answered with
 * {@code common.version}).
 */
final class JsonRpcEndpoint implements HttpHandler {
    private final RpcDispatcher dispatcher;
    private final PythonJson json;
    private final OdooRelease release;

    JsonRpcEndpoint(RpcDispatcher dispatcher, PythonJson json, OdooRelease release) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher == null");
        this.json = Objects.requireNonNull(json, "json == null");
        this.release = Objects.requireNonNull(release, "release == null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean versionInfo = path.equals("/web/webclient/version_info");
            if (!path.equals("/jsonrpc") && !versionInfo) {
                HttpResponses.drain(exchange);
                HttpResponses.send(exchange, 404, HttpResponses.HTML, HttpResponses.NOT_FOUND_PAGE, false);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                HttpResponses.drain(exchange);
                HttpResponses.send(exchange, 405, HttpResponses.HTML, XmlRpcEndpoint.methodNotAllowedPage(), false);
                return;
            }
            Object parsed;
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            try {
                parsed = json.read(new java.io.ByteArrayInputStream(bytes));
            } catch (IOException | RuntimeException e) {
                HttpResponses.send(exchange, 400, HttpResponses.HTML, "Invalid JSON data", false);
                return;
            }
            if (versionInfo) {
                Object id = parsed instanceof Map<?, ?> m ? m.get("id") : null;
                result(exchange, id, ServerVersionInfo.commonVersion(release));
                return;
            }
            if (!(parsed instanceof Map<?, ?> request) || !(request.get("params") instanceof Map<?, ?> params)) {
                error(exchange, parsed instanceof Map<?, ?> m ? m.get("id") : null,
                        PyError.badRequest("Invalid JSON-RPC data: expected an object with \"params\""));
                return;
            }
            Object id = request.get("id");
            Object args = params.get("args");
            Object result;
            try {
                result = dispatcher.dispatch(String.valueOf(params.get("service")), String.valueOf(params.get("method")),
                        args instanceof List<?> l ? castList(l) : List.of());
            } catch (PyException e) {
                error(exchange, id, e.error());
                return;
            }
            result(exchange, id, result);
        }
    }

    private void result(HttpExchange exchange, Object id, Object result) throws IOException {
        try (OutputStream body = new BufferedOutputStream(
                    HttpResponses.stream(exchange, 200, HttpResponses.JSON, true), 1 << 16);
                 JsonGenerator g = json.generator(body)) {
                g.writeStartObject();
                g.writeStringField("jsonrpc", "2.0");
                g.writeFieldName("id");
                PythonJson.write(g, id);
                if (result != null) {
                    g.writeFieldName("result");
                    PythonJson.write(g, result);
                }
                g.writeEndObject();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> l) {
        return (List<Object>) l;
    }

    private void error(HttpExchange exchange, Object id, PyError error) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", error.pythonClass());
        if (release.major() < 19) {
            data.put("debug", Tracebacks.jsonRpc(error));
        }
        data.put("message", error.message());
        data.put("arguments", error.arguments());
        data.put("context", Map.of());
        if (release.major() >= 19) {
            data.put("debug", Tracebacks.jsonRpc(error));
        }
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", release.major() < 19 ? 200 : 0);
        err.put("message", "Odoo Server Error");
        err.put("data", data);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("jsonrpc", "2.0");
        envelope.put("id", id);
        envelope.put("error", err);
        HttpResponses.send(exchange, 200, HttpResponses.JSON, json.toString(envelope), false);
    }
}
