package dev.odoobridge.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A minimal in-process Odoo on a free local port that answers logins (XML-RPC and JSON-RPC
 * {@code common.authenticate}, JSON-2 {@code res.users/context_get}) with uid 2 and every other ORM
 * call with the value {@code answers} gives for the method, and keeps the ORM requests exactly as
 * they arrived. For tests that check what the client puts on the wire.
 */
public final class CapturingOdoo implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Function<String, Object> answers;
    private final List<Captured> captured = Collections.synchronizedList(new ArrayList<>());
    private volatile Raw ormReply;
    private volatile Raw loginReply;
    private final Map<String, Raw> byPath = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> hits = Collections.synchronizedList(new ArrayList<>());

    /**
     * One ORM request as sent.
     *
     * @param path request path
     * @param body request body
     */
    public record Captured(String path, String body) {
    }

    /**
     * An answer given byte for byte, e.g. a recorded one.
     *
     * @param status HTTP status
     * @param contentType Content-Type header, or empty for none
     * @param body body bytes
     */
    public record Raw(int status, String contentType, byte[] body) {
    }

    /** Answers every ORM call with {@code reply} (null: back to {@code answers}). */
    public void replayOrm(Raw reply) {
        ormReply = reply;
    }

    /** Answers XML-RPC / JSON-RPC {@code common} calls with {@code reply} (null: back to uid 2). */
    public void replayLogin(Raw reply) {
        loginReply = reply;
    }

    /** Answers every request to {@code "GET /web/version"}-style {@code methodAndPath} with {@code reply}, before anything else. */
    public void replayPath(String methodAndPath, Raw reply) {
        byPath.put(methodAndPath, reply);
    }

    /** Every request received, as {@code "POST /xmlrpc/2/common"}, in order. */
    public List<String> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    /** Starts the server; {@code answers} maps an ORM method name to its answer (plain Java values). */
    public CapturingOdoo(Function<String, Object> answers) {
        this.answers = answers;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The ORM requests received so far, in order. */
    public List<Captured> captured() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    /** Forgets the requests received so far. */
    public void clear() {
        captured.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String methodAndPath = exchange.getRequestMethod() + " " + path;
            hits.add(methodAndPath);
            Raw fixed = byPath.get(methodAndPath);
            if (fixed != null) {
                reply(exchange, fixed);
                return;
            }
            switch (path) {
                case "/xmlrpc/2/common" -> {
                    if (loginReply != null) {
                        reply(exchange, loginReply);
                        return;
                    }
                    reply(exchange, "text/xml", xmlResponse(2));
                }
                case "/xmlrpc/2/object" -> {
                    captured.add(new Captured(path, body));
                    if (ormReply != null) {
                        reply(exchange, ormReply);
                        return;
                    }
                    String method = (String) XmlRpcCalls.parse(body).params().get(4);
                    reply(exchange, "text/xml", xmlResponse(answers.apply(method)));
                }
                case "/jsonrpc" -> {
                    JsonNode request = JSON.readTree(body);
                    Object result;
                    if ("common".equals(request.path("params").path("service").asText())) {
                        if (loginReply != null) {
                            reply(exchange, loginReply);
                            return;
                        }
                        result = 2;
                    } else {
                        captured.add(new Captured(path, body));
                        if (ormReply != null) {
                            reply(exchange, ormReply);
                            return;
                        }
                        result = answers.apply(request.path("params").path("args").path(4).asText());
                    }
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("jsonrpc", "2.0");
                    answer.put("id", JSON.convertValue(request.path("id"), Object.class));
                    answer.put("result", result);
                    reply(exchange, "application/json", JSON.writeValueAsString(answer));
                }
                default -> {
                    if ("/json/2/res.users/context_get".equals(path)) {
                        reply(exchange, "application/json", "{\"uid\": 2, \"lang\": \"en_US\"}");
                    } else if (path.startsWith("/json/2/")) {
                        captured.add(new Captured(path, body));
                        if (ormReply != null) {
                            reply(exchange, ormReply);
                            return;
                        }
                        reply(exchange, "application/json",
                                JSON.writeValueAsString(answers.apply(path.substring(path.lastIndexOf('/') + 1))));
                    } else {
                        exchange.sendResponseHeaders(404, -1);
                    }
                }
            }
        }
    }

    private static void reply(HttpExchange exchange, Raw raw) throws IOException {
        if (!raw.contentType().isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", raw.contentType());
        }
        exchange.sendResponseHeaders(raw.status(), raw.body().length == 0 ? -1 : raw.body().length);
        if (raw.body().length > 0) {
            exchange.getResponseBody().write(raw.body());
        }
    }

    private static void reply(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String xmlResponse(Object value) {
        StringBuilder out = new StringBuilder("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n");
        xmlValue(value, out);
        return out.append("</param>\n</params>\n</methodResponse>\n").toString();
    }

    private static void xmlValue(Object value, StringBuilder out) {
        out.append("<value>");
        if (value instanceof Boolean b) {
            out.append("<boolean>").append(b ? 1 : 0).append("</boolean>");
        } else if (value instanceof Integer || value instanceof Long) {
            out.append("<int>").append(value).append("</int>");
        } else if (value instanceof Double d) {
            out.append("<double>").append(d).append("</double>");
        } else if (value instanceof String s) {
            out.append("<string>").append(s.replace("&", "&amp;").replace("<", "&lt;")).append("</string>");
        } else if (value instanceof List<?> list) {
            out.append("<array><data>\n");
            for (Object v : list) {
                xmlValue(v, out);
            }
            out.append("</data></array>");
        } else if (value instanceof Map<?, ?> map) {
            out.append("<struct>\n");
            map.forEach((k, v) -> {
                out.append("<member>\n<name>").append(k).append("</name>\n");
                xmlValue(v, out);
                out.append("</member>\n");
            });
            out.append("</struct>");
        } else {
            throw new IllegalArgumentException("cannot answer " + value + " over XML-RPC");
        }
        out.append("</value>\n");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
