package dev.odoobridge.testkit.internal.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Objects;

/**
 * {@code POST /xmlrpc/2/<service>} (and the legacy {@code /xmlrpc/<service>}): every fault is HTTP
 * 200 with {@code faultCode} 1-4, as Odoo 17.0, 18.0 and 19.0 answer.
 */
final class XmlRpcEndpoint implements HttpHandler {
    private final RpcDispatcher dispatcher;
    private final XmlRpcReader reader = new XmlRpcReader();

    XmlRpcEndpoint(RpcDispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher == null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String service = serviceOf(path);
            if (service == null) {
                HttpResponses.drain(exchange);
                HttpResponses.send(exchange, 404, HttpResponses.HTML, HttpResponses.NOT_FOUND_PAGE, false);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                HttpResponses.drain(exchange);
                HttpResponses.send(exchange, 405, HttpResponses.HTML, methodNotAllowedPage(), false);
                return;
            }
            XmlRpcReader.MethodCall call;
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            try {
                call = reader.read(new java.io.ByteArrayInputStream(bytes));
            } catch (XmlRpcReader.MalformedCallException e) {
                fault(exchange, PyError.odoo("xml.parsers.expat.ExpatError", expatMessage(bytes, e)));
                return;
            }
            Object result;
            try {
                result = dispatcher.dispatch(service, call.methodName(), call.params());
            } catch (PyException e) {
                fault(exchange, e.error());
                return;
            }
            String body;
            try {
                body = XmlRpcWriter.response(result);
            } catch (XmlRpcWriter.NoneNotAllowedException e) {
                fault(exchange, PyError.builtin("TypeError", e.getMessage()));
                return;
            }
            HttpResponses.send(exchange, 200, HttpResponses.XML, body, true);
        }
    }

    /**
     * Expat's words for a body that ends before its root element does ({@code no element found: line L, column C},
     * at the end of the data); other errors keep the parser's message.
     */
    static String expatMessage(byte[] body, XmlRpcReader.MalformedCallException e) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String cause = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        boolean truncated = cause.contains("EOF") || cause.toLowerCase(java.util.Locale.ROOT).contains("end of file")
                || !text.strip().endsWith(">") || !text.contains("</methodCall>");
        if (!truncated) {
            return e.getMessage();
        }
        String[] lines = text.split("\n", -1);
        return "no element found: line " + lines.length + ", column "
                + lines[lines.length - 1].getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static void fault(HttpExchange exchange, PyError error) throws IOException {
        int code = error.xmlRpcFaultCode();
        String text = code == 1 ? Tracebacks.xmlRpc(error) : error.message();
        HttpResponses.send(exchange, 200, HttpResponses.XML, XmlRpcWriter.fault(code, text), false);
    }

    /** {@code /xmlrpc/2/common} → {@code common}; null when the path is not an XML-RPC service path. */
    static String serviceOf(String path) {
        String rest;
        if (path.startsWith("/xmlrpc/2/")) {
            rest = path.substring("/xmlrpc/2/".length());
        } else if (path.startsWith("/xmlrpc/")) {
            rest = path.substring("/xmlrpc/".length());
        } else {
            return null;
        }
        if (rest.isEmpty() || rest.contains("/")) {
            return null;
        }
        return rest;
    }

    static String methodNotAllowedPage() {
        return "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n"
                + "<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n";
    }
}
