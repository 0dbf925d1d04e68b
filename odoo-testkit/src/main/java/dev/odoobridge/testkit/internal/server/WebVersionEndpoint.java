package dev.odoobridge.testkit.internal.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.odoobridge.testkit.internal.orm.OdooRelease;
import java.io.IOException;

/**
 * {@code GET /web/version}: {@code {"version_info": [19, 0, 0, "final", 0, ""], "version": "19.0"}} on 19.0; the route
 * does not exist before 19.0 (a 404 page).
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
            if (!exchange.getRequestURI().getPath().equals("/web/version") || release.major() < 19) {
                HttpResponses.send(exchange, 404, HttpResponses.HTML, HttpResponses.NOT_FOUND_PAGE, false);
                return;
            }
            HttpResponses.send(exchange, 200, HttpResponses.JSON, json.toString(ServerVersionInfo.webVersion(release)), true);
        }
    }
}
