package dev.odoobridge.testkit.internal.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code GET /web/version}: {@code {"version_info": [19, 0, 0, "final", 0, ""], "version": "19.0"}}. */
final class WebVersionEndpoint implements HttpHandler {
    private final PythonJson json;

    WebVersionEndpoint(PythonJson json) {
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponses.drain(exchange);
            if (!exchange.getRequestURI().getPath().equals("/web/version")) {
                HttpResponses.send(exchange, 404, HttpResponses.HTML, HttpResponses.NOT_FOUND_PAGE, false);
                return;
            }
            HttpResponses.send(exchange, 200, HttpResponses.JSON, json.toString(ServerVersionInfo.webVersion()), true);
        }
    }
}
