package dev.odoobridge.testkit.internal.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing responses the way Odoo's werkzeug does (content types, the nosniff header on success). */
final class HttpResponses {
    static final String XML = "text/xml; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    static final String NOT_FOUND_PAGE = "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n"
            + "<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL "
            + "manually please check your spelling and try again.</p>\n";

    static final String NO_DATABASE_PAGE = "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
            + "<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n"
            + "<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n"
            + "<!-- Alternatively, use the X-Odoo-Database header. -->\n";

    private HttpResponses() {
    }

    /** Sends a complete body; {@code nosniff} as Odoo adds it to successful responses only. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body, boolean nosniff)
            throws IOException {
        headers(exchange, contentType, nosniff);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body, boolean nosniff)
            throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8), nosniff);
    }

    /** Starts a chunked response whose body the caller streams. */
    static OutputStream stream(HttpExchange exchange, int status, String contentType, boolean nosniff)
            throws IOException {
        headers(exchange, contentType, nosniff);
        exchange.sendResponseHeaders(status, 0);
        return exchange.getResponseBody();
    }

    private static void headers(HttpExchange exchange, String contentType, boolean nosniff) {
        exchange.getResponseHeaders().set("Server", "Werkzeug/2.2.2 Python/3.11.2");
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (nosniff) {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        }
    }

    /**
     * The 303 to {@code /web/login?redirect=<path>?} that Odoo answers for a route needing a session (18.0's
     * {@code /json/...} routes without one).
     */
    static void redirectToLogin(HttpExchange exchange) throws IOException {
        String target = "/web/login?redirect=" + java.net.URLEncoder.encode(exchange.getRequestURI().getPath() + "?",
                StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", target);
        send(exchange, 303, HTML, "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n"
                + "<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href=\""
                + target + "\">" + target + "</a>. If not, click the link.\n", false);
    }

    /** Reads and discards what is left of the request body. */
    static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
