package dev.odoobridge.testkit.internal.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /jsonrpc}: {@code {"jsonrpc", "method": "call", "params": {service, method, args}, "id"}};
 * errors are HTTP 200 with {@code error.code} 0, {@code "Odoo Server Error"} and {@code data.name}.
 */
final class JsonRpcEndpoint implements HttpHandler {
    private final RpcDispatcher dispatcher;
    private final PythonJson json;

    JsonRpcEndpoint(RpcDispatcher dispatcher, PythonJson json) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher == null");
        this.json = Objects.requireNonNull(json, "json == null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/jsonrpc")) {
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
            try {
                parsed = json.read(exchange.getRequestBody());
            } catch (IOException e) {
                HttpResponses.drain(exchange);
                error(exchange, null, PyError.badRequest("Invalid JSON data"));
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
            try (OutputStream body = new BufferedOutputStream(
                    HttpResponses.stream(exchange, 200, HttpResponses.JSON, true), 1 << 16);
                 JsonGenerator g = json.generator(body)) {
                g.writeStartObject();
                g.writeStringField("jsonrpc", "2.0");
                g.writeFieldName("id");
                PythonJson.write(g, id);
                g.writeFieldName("result");
                PythonJson.write(g, result);
                g.writeEndObject();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> l) {
        return (List<Object>) l;
    }

    private void error(HttpExchange exchange, Object id, PyError error) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", error.pythonClass());
        data.put("message", error.message());
        data.put("arguments", error.arguments());
        data.put("context", Map.of());
        data.put("debug", Tracebacks.jsonRpc(error));
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", 0);
        err.put("message", "Odoo Server Error");
        err.put("data", data);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("jsonrpc", "2.0");
        envelope.put("id", id);
        envelope.put("error", err);
        HttpResponses.send(exchange, 200, HttpResponses.JSON, json.toString(envelope), false);
    }
}
