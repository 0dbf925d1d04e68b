package dev.odoobridge.testkit.internal.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.odoobridge.testkit.Fault;
import java.io.IOException;
import java.util.Objects;

/** Applies the {@link FaultPlan} to every exchange before (or around) the endpoint. */
final class FaultFilter extends Filter {
    private final FaultPlan plan;

    FaultFilter(FaultPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan == null");
    }

    @Override
    public String description() {
        return "FakeOdoo fault injection";
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Fault fault = plan.poll();
        if (fault == null) {
            chain.doFilter(exchange);
            return;
        }
        switch (fault.kind()) {
            case LATENCY -> {
                if (pause(fault)) {
                    chain.doFilter(exchange);
                } else {
                    exchange.close();
                }
            }
            case HTTP_502 -> gatewayError(exchange, 502, "Bad Gateway");
            case HTTP_503 -> gatewayError(exchange, 503, "Service Temporarily Unavailable");
            case RESET -> exchange.close();
            case RESET_AFTER_CALL -> {
                DroppedResponseExchange dropped = new DroppedResponseExchange(exchange);
                try {
                    chain.doFilter(dropped);
                } finally {
                    exchange.close();
                }
            }
            case TIMEOUT -> {
                pause(fault);
                exchange.close();
            }
            case MALFORMED -> malformed(exchange);
        }
    }

    /** Sleeps for the fault's duration; false when interrupted (the server is stopping). */
    private static boolean pause(Fault fault) {
        try {
            Thread.sleep(fault.duration().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void gatewayError(HttpExchange exchange, int status, String reason) throws IOException {
        try (exchange) {
            HttpResponses.drain(exchange);
            String page = "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n"
                    + "<center><h1>" + status + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    + "</body>\r\n</html>\r\n";
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            byte[] body = page.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void malformed(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponses.drain(exchange);
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/xmlrpc")) {
                HttpResponses.send(exchange, 200, HttpResponses.XML,
                        "<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n"
                                + "<value><struct>\n<member>\n<name>id</na", true);
            } else if (path.startsWith("/jsonrpc")) {
                HttpResponses.send(exchange, 200, HttpResponses.JSON,
                        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": [{\"id\": 1, \"na", true);
            } else {
                HttpResponses.send(exchange, 200, HttpResponses.JSON, "[{\"id\": 1, \"name\": \"Off", true);
            }
        }
    }
}
