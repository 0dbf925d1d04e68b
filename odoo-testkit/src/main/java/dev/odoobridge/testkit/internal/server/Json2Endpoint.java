package dev.odoobridge.testkit.internal.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.odoobridge.testkit.internal.orm.OdooRelease;
import dev.odoobridge.testkit.internal.orm.OrmApi;
import dev.odoobridge.testkit.internal.orm.OrmFault;
import dev.odoobridge.testkit.internal.orm.OrmRequest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code POST /json/2/<model>/<method>} with a bearer API key: named arguments in, the bare result
 * out; errors as HTTP 401/403/404/422/500 with {@code {name, message, arguments, context, debug}}.
 * Checks run in Odoo's order: database header, API key, model, method, ids, argument binding.
 */
final class Json2Endpoint implements HttpHandler {
    private static final String PREFIX = "/json/2/";

    private final OrmApi orm;
    private final OdooRelease release;
    private final Credentials credentials;
    private final String database;
    private final PythonJson json;

    Json2Endpoint(OrmApi orm, OdooRelease release, Credentials credentials, String database, PythonJson json) {
        this.orm = Objects.requireNonNull(orm, "orm == null");
        this.release = Objects.requireNonNull(release, "release == null");
        this.credentials = Objects.requireNonNull(credentials, "credentials == null");
        this.database = Objects.requireNonNull(database, "database == null");
        this.json = Objects.requireNonNull(json, "json == null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (release.major() < 19) {
                absent(exchange);
                return;
            }
            String dbHeader = exchange.getRequestHeaders().getFirst("X-Odoo-Database");
            if (dbHeader != null && !dbHeader.equals(database)) {
                HttpResponses.drain(exchange);
                HttpResponses.send(exchange, 404, HttpResponses.HTML, HttpResponses.NO_DATABASE_PAGE, false);
                return;
            }
            OptionalInt uid = authenticate(exchange);
            if (uid.isEmpty()) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String[] target = target(path);
            if (target == null || !"POST".equals(exchange.getRequestMethod())) {
                HttpResponses.drain(exchange);
                error(exchange, PyError.notFound("Did you mean POST /json/2/<model>/<method>?"));
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                HttpResponses.drain(exchange);
                HttpResponses.send(exchange, 415, HttpResponses.HTML, UNSUPPORTED_MEDIA_TYPE_PAGE, false);
                return;
            }
            String model = target[0];
            String method = target[1];
            Map<String, Object> body;
            try {
                body = readBody(exchange.getRequestBody());
            } catch (PyException e) {
                error(exchange, e.error());
                return;
            }
            if (!orm.models().contains(model)) {
                error(exchange, PyError.notFound("the model '" + model + "' does not exist"));
                return;
            }
            if (method.startsWith("_")) {
                error(exchange, PyError.privateMethod(release, model, method));
                return;
            }
            OrmRequest request;
            try {
                request = Json2Binder.bind(model, method, body, uid.getAsInt());
            } catch (Json2Binder.BindingException e) {
                error(exchange, PyError.unprocessable(e.getMessage()));
                return;
            }
            Object result;
            try {
                result = orm.execute(request);
            } catch (OrmFault fault) {
                error(exchange, OrmFaults.forJson2(fault, model, method));
                return;
            } catch (RuntimeException e) {
                error(exchange, PyError.builtin("Exception", String.valueOf(e.getMessage())));
                return;
            }
            try (OutputStream out = new BufferedOutputStream(
                    HttpResponses.stream(exchange, 200, HttpResponses.JSON, true), 1 << 16);
                 JsonGenerator g = json.generator(out)) {
                PythonJson.write(g, result);
            }
        }
    }

    /**
     * Before 19.0 there is no JSON-2: 17.0 answers the path with its 404 page, 18.0 with a redirect to the login
     * page (its {@code /json} routes need a session).
     */
    private void absent(HttpExchange exchange) throws IOException {
        HttpResponses.drain(exchange);
        if (release.major() < 18) {
            HttpResponses.send(exchange, 404, HttpResponses.HTML, HttpResponses.NOT_FOUND_PAGE, false);
        } else {
            HttpResponses.redirectToLogin(exchange);
        }
    }

    private OptionalInt authenticate(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String key = null;
        if (header != null) {
            int space = header.indexOf(' ');
            if (space > 0 && header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
                key = header.substring(space + 1).trim();
            }
        }
        if (key == null || key.isEmpty()) {
            HttpResponses.drain(exchange);
            unauthorized(exchange, "User not authenticated, use an API Key with a Bearer Authorization header.");
            return OptionalInt.empty();
        }
        OptionalInt uid = credentials.uidForApiKey(key);
        if (uid.isEmpty()) {
            HttpResponses.drain(exchange);
            unauthorized(exchange, "Invalid apikey");
        }
        return uid;
    }

    private void unauthorized(HttpExchange exchange, String message) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer ");
        error(exchange, PyError.unauthorized(message));
    }

    /** {@code [model, method]} for {@code /json/2/<model>/<method>}, null otherwise. */
    static String[] target(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        return new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readBody(InputStream in) throws IOException, PyException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = json.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new PyException(PyError.badRequest("could not parse the body as json: " + pythonJsonError(bytes, e)));
        }
        // a body that is not an object binds no argument (a JSON array: "missing a required argument")
        return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * Python's {@code json} wording for a body that does not parse, for the common case of a value missing (at the
     * end of a truncated body): {@code Expecting value: line L column C (char N)}.
     */
    private static String pythonJsonError(byte[] bytes, IOException e) {
        long offset = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                ? p.getLocation().getCharOffset() : -1;
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int at = offset < 0 || offset > text.length() ? text.length() : (int) offset;
        String before = text.substring(0, at);
        int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n');
        return "Expecting value: line " + line + " column " + column + " (char " + at + ")";
    }

    private static final String UNSUPPORTED_MEDIA_TYPE_PAGE = "<!doctype html>\n<html lang=en>\n"
            + "<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n<p>Request inferred type is "
            + "compatible with [&#39;http&#39;] but &#39;/json/2/&lt;__model__&gt;/&lt;__method__&gt;&#39; is "
            + "type=&#39;json2&#39;.<br><br>Please verify the Content-Type request header and try again.</p>\n";

    private void error(HttpExchange exchange, PyError error) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", error.pythonClass());
        body.put("message", error.message());
        body.put("arguments", error.arguments());
        body.put("context", Map.of());
        body.put("debug", Tracebacks.json2(error));
        HttpResponses.send(exchange, error.json2Status(), HttpResponses.JSON, json.toString(body), false);
    }
}
