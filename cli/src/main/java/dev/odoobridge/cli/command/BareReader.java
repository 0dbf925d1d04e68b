package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.client.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The baseline of {@code bench}: one {@code search_read} page posted with a bare
 * {@link HttpClient} in the wire format of the transport, the answer read as bytes and not
 * decoded (only its status and the start of the body are checked for an error).
 */
final class BareReader {
    private final HttpClient http;
    private final Transport transport;
    private final URI endpoint;
    private final String database;
    private final int uid;
    private final String secret;
    private final String model;
    private final List<String> fields;
    private final Duration timeout;

    /**
     * @param transport JSON2, JSONRPC or XMLRPC (the one the client really uses)
     * @param uid the authenticated user id (XML-RPC and JSON-RPC send it)
     */
    BareReader(Transport transport, URI base, String database, int uid, String secret, String model,
               List<String> fields, Duration timeout) {
        this.transport = Objects.requireNonNull(transport, "transport == null");
        this.database = Objects.requireNonNull(database, "database == null");
        this.uid = uid;
        this.secret = Objects.requireNonNull(secret, "secret == null");
        this.model = Objects.requireNonNull(model, "model == null");
        this.fields = List.copyOf(fields);
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        this.endpoint = URI.create(root + switch (transport) {
            case JSON2 -> "json/2/" + model + "/search_read";
            case JSONRPC -> "jsonrpc";
            case XMLRPC -> "xmlrpc/2/object";
            default -> throw new IllegalArgumentException("no bare reader for " + transport);
        });
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Reads the page of records with {@code id > afterId}, ordered by id; returns the body's size in bytes. */
    int page(long afterId, int limit) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout);
        String body = switch (transport) {
            case JSON2 -> {
                b.header("Content-Type", "application/json; charset=utf-8").header("Authorization", "bearer " + secret)
                        .header("X-Odoo-Database", database);
                yield "{\"domain\": [[\"id\", \">\", " + afterId + "]], \"fields\": " + jsonList(fields)
                        + ", \"limit\": " + limit + ", \"order\": \"id\"}";
            }
            case JSONRPC -> {
                b.header("Content-Type", "application/json; charset=utf-8");
                yield "{\"jsonrpc\": \"2.0\", \"method\": \"call\", \"id\": 1, \"params\": {\"service\": \"object\", "
                        + "\"method\": \"execute_kw\", \"args\": [" + json(database) + ", " + uid + ", " + json(secret)
                        + ", " + json(model) + ", \"search_read\", [[[\"id\", \">\", " + afterId + "]]], {\"fields\": "
                        + jsonList(fields) + ", \"limit\": " + limit + ", \"order\": \"id\"}]}}";
            }
            default -> {
                b.header("Content-Type", "text/xml");
                yield xmlRpcBody(afterId, limit);
            }
        };
        HttpResponse<byte[]> r = http.send(b.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = r.body();
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        if (r.statusCode() != 200 || head.contains("<fault>") || head.startsWith("{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\"")
                || head.contains("\"error\":")) {
            throw new CliFailure(ExitCode.ODOO_ERROR, "the bare " + transport + " read of " + model + " failed: HTTP "
                    + r.statusCode() + ": " + head);
        }
        return bytes.length;
    }

    private String xmlRpcBody(long afterId, int limit) {
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?><methodCall><methodName>execute_kw</methodName><params>");
        sb.append(param(str(database))).append(param("<int>" + uid + "</int>")).append(param(str(secret)))
                .append(param(str(model))).append(param(str("search_read")));
        String idGt = "<array><data><value>" + str("id") + "</value><value>" + str(">") + "</value><value><int>"
                + afterId + "</int></value></data></array>";
        sb.append(param("<array><data><value><array><data><value>" + idGt
                + "</value></data></array></value></data></array>"));
        StringBuilder f = new StringBuilder("<array><data>");
        fields.forEach(x -> f.append("<value>").append(str(x)).append("</value>"));
        f.append("</data></array>");
        sb.append(param("<struct><member><name>fields</name><value>" + f + "</value></member>"
                + "<member><name>limit</name><value><int>" + limit + "</int></value></member>"
                + "<member><name>order</name><value>" + str("id") + "</value></member></struct>"));
        return sb.append("</params></methodCall>").toString();
    }

    private static String param(String value) {
        return "<param><value>" + value + "</value></param>";
    }

    private static String str(String s) {
        return "<string>" + s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</string>";
    }

    private static String jsonList(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(json(items.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
