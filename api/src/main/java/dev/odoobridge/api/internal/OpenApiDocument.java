package dev.odoobridge.api.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3.1 document, written from the route table so it cannot drift from the routes. */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static Map<String, Object> of(List<Route> routes, String serverPath) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "odoo-bridge read API", "version", "1",
                "description", "Read-only JSON over the read model of one source. Every request needs an API key "
                        + "(Authorization: Bearer obk_...); lists are keyset-paged: follow `next` until it is null."));
        doc.put("servers", List.of(Map.of("url", serverPath)));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : routes) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", r.summary());
            op.put("operationId", r.template().replaceAll("[{}]", "").replace('/', '_').replace('-', '_'));
            op.put("tags", List.of(r.resource()));
            List<Object> params = new ArrayList<>();
            params.add(Map.of("name", "source", "in", "path", "required", true, "schema", Map.of("type", "string"),
                    "description", "The source (the key's own)."));
            for (Param p : r.params()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("name", p.name());
                pm.put("in", p.in());
                pm.put("required", p.required());
                pm.put("description", p.description());
                pm.put("schema", Map.of("type", p.type()));
                if (p.example() != null) {
                    pm.put("example", p.example());
                }
                params.add(pm);
            }
            op.put("parameters", params);
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("200", Map.of("description", "OK", "headers", Map.of("ETag", Map.of("schema", Map.of("type", "string"))),
                    "content", Map.of("application/json", Map.of("schema", r.paged()
                            ? Map.of("$ref", "#/components/schemas/Page") : Map.of("type", "object")))));
            responses.put("304", Map.of("description", "Not modified (If-None-Match matched the ETag)"));
            for (String[] e : new String[][] {{"400", "Bad parameter"}, {"401", "Missing, unknown or revoked key"},
                    {"403", "Out of the key's scope"}, {"404", "Not found"}, {"429", "Over the key's rate; see Retry-After"}}) {
                responses.put(e[0], Map.of("description", e[1], "content",
                        Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
            }
            op.put("responses", responses);
            paths.put("/{source}/" + r.template(), Map.of("get", op));
        }
        doc.put("paths", paths);
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Page", Map.of("type", "object", "required", List.of("data", "next"), "properties", Map.of(
                "data", Map.of("type", "array", "items", Map.of("type", "object")),
                "next", Map.of("type", List.of("string", "null"), "description", "Cursor of the next page; null on the last"))));
        schemas.put("Problem", Map.of("type", "object", "properties", Map.of("type", Map.of("type", "string"),
                "title", Map.of("type", "string"), "status", Map.of("type", "integer"), "detail", Map.of("type", "string"))));
        doc.put("components", Map.of("schemas", schemas,
                "securitySchemes", Map.of("apiKey", Map.of("type", "http", "scheme", "bearer"))));
        doc.put("security", List.of(Map.of("apiKey", List.of())));
        return doc;
    }

    /** A small page listing the routes, without scripts or external assets. */
    static String html(List<Route> routes) {
        StringBuilder b = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>odoo-bridge read API</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                + "code{background:#eee;padding:0 .2em}td{padding:.3em;vertical-align:top}</style></head><body>"
                + "<h1>odoo-bridge read API</h1><p>Send <code>Authorization: Bearer &lt;key&gt;</code>. The machine-readable "
                + "description is <a href=\"openapi.json\">openapi.json</a> (OpenAPI 3.1).</p><table>");
        for (Route r : routes) {
            b.append("<tr><td><code>GET /{source}/").append(esc(r.template())).append("</code></td><td>")
                    .append(esc(r.summary()));
            if (!r.params().isEmpty()) {
                b.append("<br><small>");
                for (Param p : r.params()) {
                    b.append("<code>").append(esc(p.name())).append("</code> ").append(esc(p.description())).append(' ');
                }
                b.append("</small>");
            }
            b.append("</td></tr>");
        }
        return b.append("</table></body></html>").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
