package dev.odoobridge.testkit.internal.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.odoobridge.testkit.internal.orm.OdooRelease;
import java.io.IOException;

/**
 * {@code GET /web/version} and {@code GET /json/version}: {@code {"version_info": [19, 0, 0, "final", 0, ""],
 * "version": "19.0"}} on 19.0. Before 19.0 {@code /web/version} does not exist (a 404 page), nor does
 * {@code /json/version} on 17.0; 18.0 redirects {@code /json/version} to the login page.
 */
final class WebVersionEndpoint implements HttpHandler {
    private final PythonJson json;
    private final OdooRelease release;

    WebVersionEndpoint(PythonJson json, OdooRelease release) {
        this.json = json;
        this.release = release;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponses.drain(exchange);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/json/version") && release.major() == 18) {
                HttpResponses.redirectToLogin(exchange);
                return;
            }
            if (!(path.equals("/web/version") || path.equals("/json/version")) || release.major() < 19) {
                HttpResponses.send(exchange, 404, HttpResponses.HTML, HttpResponses.NOT_FOUND_PAGE, false);
                return;
            }
            HttpResponses.send(exchange, 200, HttpResponses.JSON, json.toString(ServerVersionInfo.webVersion(release)), true);
        }
    }
}
