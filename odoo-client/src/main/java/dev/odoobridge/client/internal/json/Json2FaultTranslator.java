package dev.odoobridge.client.internal.json;

import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.error.ServerFault;
import dev.odoobridge.client.internal.FaultClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that turns JSON-2 error answers into exceptions. Odoo answers with an HTTP status
 * (401 bad key, 403 AccessError, 404 missing model / method / record, 422 user errors and bad
 * arguments, 500 the rest) and a body {@code {name, message, arguments, context, debug}};
 * {@code name} is the Python class and goes to {@link FaultClassifier}. A body that is not such an
 * object is a transport error with the HTTP status; Odoo's HTML 404 page for an unknown
 * {@code X-Odoo-Database} gets a message that says so.
 */
final class Json2FaultTranslator {
    private final JsonCodec codec;
    private final String database;
    private final String base;

    Json2FaultTranslator(JsonCodec codec, String database, String base) {
        this.codec = codec;
        this.database = database;
        this.base = base;
    }

    /** Translates a non-200 answer to {@code path} (model null for non-model calls). */
    OdooException translate(String model, String method, String path, int status, String contentType, byte[] body) {
        if (contentType.toLowerCase(Locale.ROOT).contains("json")) {
            Object decoded;
            try {
                decoded = codec.decode(body);
            } catch (IOException e) {
                decoded = null;
            }
            if (decoded instanceof Map<?, ?> m && m.get("name") instanceof String type) {
                String message = m.get("message") instanceof String s ? s : type;
                String traceback = m.get("debug") instanceof String s && !s.isEmpty() ? s : null;
                return FaultClassifier.classify(model, method, new ServerFault(type, message, traceback, 0, status));
            }
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (status == 404 && text.contains("No database is selected")) {
            return new OdooTransportException(Kind.HTTP_STATUS, status, "database '" + database + "' does not exist on "
                    + base + " (Odoo answered " + path + " with its 'No database is selected' 404 page); "
                    + "check the database name in the configuration", null);
        }
        if (status == 404) {
            return new OdooTransportException(Kind.HTTP_STATUS, status, base + path
                    + " answered HTTP 404 without an Odoo error: the server has no JSON-2 endpoint (it needs Odoo 19 or later)"
                    + " or database '" + database + "' is not served there; use the XML-RPC or JSON-RPC transport for older servers",
                    null);
        }
        if (status == 401) {
            return FaultClassifier.classify(model, method, new ServerFault("werkzeug.exceptions.Unauthorized",
                    "HTTP 401 from " + path + ": the API key was refused", null, 0, status));
        }
        return new OdooTransportException(Kind.HTTP_STATUS, status, base + path + " answered HTTP " + status
                + (contentType.isEmpty() ? "" : " (" + contentType + ")"), null);
    }
}
