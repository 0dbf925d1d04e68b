package dev.odoobridge.client.internal.xmlrpc;

import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import dev.odoobridge.client.internal.http.CappedInputStream;
import dev.odoobridge.client.internal.http.ResponseTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.OptionalLong;
import javax.net.ssl.SSLException;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.XmlRpcRequest;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.apache.xmlrpc.client.XmlRpcTransport;
import org.apache.xmlrpc.client.XmlRpcTransportFactory;
import org.apache.xmlrpc.serializer.XmlRpcWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Apache XML-RPC transport on {@link HttpClient}: the request is serialized by the library's
 * {@link XmlRpcWriter} with {@link OdooTypeFactory}, posted over one shared keep-alive client,
 * and the answer decoded by {@link XmlRpcResponseReader} while its size is counted. The transport
 * keeps no per-request state, so the factory hands out itself. Faults leave as
 * {@link FaultException}; every other failure as an {@link OdooTransportException}. Nothing here
 * ever puts a request body (which holds the secret) into a message or a log line.
 */
final class JdkHttpTransportFactory implements XmlRpcTransportFactory, XmlRpcTransport {
    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpTransportFactory.class);
    private static final String USER_AGENT = "odoo-bridge (XML-RPC)";
    private static final int DRAIN_LIMIT = 64 * 1024;

    private final XmlRpcClient client;
    private final HttpClient http;
    private final XmlRpcResponseReader reader;
    private final Duration requestTimeout;
    private final long maxResponseBytes;

    JdkHttpTransportFactory(XmlRpcClient client, HttpClient http, XmlRpcResponseReader reader,
                            Duration requestTimeout, long maxResponseBytes) {
        this.client = client;
        this.http = http;
        this.reader = reader;
        this.requestTimeout = requestTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public XmlRpcTransport getTransport() {
        return this;
    }

    @Override
    public Object sendRequest(XmlRpcRequest request) throws XmlRpcException {
        XmlRpcClientConfigImpl config = (XmlRpcClientConfigImpl) request.getConfig();
        URI uri = uri(config);
        byte[] body = encode(config, request);
        HttpRequest httpRequest = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = send(httpRequest, uri);
        XmlRpcResponse decoded = decode(response, uri);
        if (LOG.isDebugEnabled()) {
            LOG.debug("XML-RPC {} {} answered in {} ms", uri.getPath(), request.getMethodName(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        if (decoded instanceof XmlRpcResponse.Fault fault) {
            throw new FaultException(fault.code(), fault.message());
        }
        return ((XmlRpcResponse.Success) decoded).value();
    }

    private byte[] encode(XmlRpcClientConfigImpl config, XmlRpcRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            ContentHandler handler = client.getXmlWriterFactory().getXmlWriter(config, out);
            new XmlRpcWriter(config, handler, client.getTypeFactory()).write(request);
        } catch (XmlRpcException | SAXException e) {
            throw new IllegalArgumentException("cannot encode the XML-RPC call " + request.getMethodName()
                    + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private HttpResponse<InputStream> send(HttpRequest request, URI uri) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failure(e, uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdooTransportException(Kind.INTERRUPTED, 0, "interrupted while calling " + uri, e);
        }
    }

    private XmlRpcResponse decode(HttpResponse<InputStream> response, URI uri) {
        InputStream body = response.body();
        try (body) {
            int status = response.statusCode();
            if (status != 200) {
                throw new OdooTransportException(Kind.HTTP_STATUS, status, statusMessage(status, uri, response), null);
            }
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            if (length.isPresent() && length.getAsLong() > maxResponseBytes) {
                throw tooLarge(uri, null);
            }
            return decodeBody(body, uri);
        } catch (IOException e) {
            throw failure(e, uri);
        }
    }

    /**
     * Decodes the body of a 200 answer within the size cap: the response, or an
     * {@link OdooTransportException} — MALFORMED_RESPONSE for anything that is not an XML-RPC
     * response, RESPONSE_TOO_LARGE past the cap, a connection kind when the stream itself fails.
     */
    XmlRpcResponse decodeBody(InputStream body, URI uri) {
        CappedInputStream capped = new CappedInputStream(body, maxResponseBytes);
        XmlRpcResponse decoded;
        try {
            decoded = reader.read(capped);
        } catch (ResponseTooLargeException e) {
            throw tooLarge(uri, e);
        } catch (IOException e) {
            if (capped.sourceFailed()) {
                throw failure(e, uri);
            }
            // the bytes arrived but the parser could not decode them
            throw new OdooTransportException(Kind.MALFORMED_RESPONSE, 200, "the answer from " + uri
                    + " cannot be decoded (" + e.getMessage() + "); check that the url points at an Odoo server", e);
        }
        try {
            drain(body);
        } catch (IOException e) {
            throw failure(e, uri);
        }
        return decoded;
    }

    /** Reads what follows the document (usually a newline) so the connection can be reused. */
    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[512];
        int total = 0;
        int n;
        while (total < DRAIN_LIMIT && (n = body.read(buffer)) >= 0) {
            total += n;
        }
    }

    private OdooTransportException tooLarge(URI uri, Throwable cause) {
        return new OdooTransportException(Kind.RESPONSE_TOO_LARGE, 200, "the answer from " + uri
                + " is larger than maxResponseBytes (" + maxResponseBytes
                + " bytes); read fewer records per call (limit, stream) or raise maxResponseBytes", cause);
    }

    private static String statusMessage(int status, URI uri, HttpResponse<?> response) {
        String hint = switch (status / 100) {
            case 3 -> "the server redirects to " + response.headers().firstValue("Location").orElse("another address")
                    + "; configure that url instead";
            case 4 -> "check that the url points at an Odoo server with XML-RPC enabled";
            default -> "the server or a proxy in front of it failed; try again later";
        };
        return "HTTP " + status + " from " + uri + ": " + hint;
    }

    /** Maps an I/O failure of the exchange to its kind. */
    static OdooTransportException failure(IOException e, URI uri) {
        if (e instanceof HttpConnectTimeoutException) {
            return new OdooTransportException(Kind.TIMEOUT, 0, "could not connect to " + uri
                    + " within the connect timeout; check the url and the network", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new OdooTransportException(Kind.TIMEOUT, 0, "no answer from " + uri
                    + " within the request timeout; raise requestTimeout or ask for less data per call", e);
        }
        if (e instanceof ConnectException || e instanceof SSLException) {
            String what = hasCause(e, UnresolvedAddressException.class) ? "unknown host " + uri.getHost()
                    : "cannot connect to " + uri + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            return new OdooTransportException(Kind.CONNECT, 0, what + "; check the url and that Odoo is running", e);
        }
        String detail = e instanceof EOFException || e.getMessage() == null ? "connection closed early"
                : e.getMessage();
        return new OdooTransportException(Kind.CONNECTION_RESET, 0, "the connection to " + uri
                + " broke during the call (" + detail + ")", e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static URI uri(XmlRpcClientConfigImpl config) {
        try {
            return config.getServerURL().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid XML-RPC endpoint " + config.getServerURL(), e);
        }
    }

    /** An XML-RPC fault as the library's own exception type; carries nothing but code and string. */
    static final class FaultException extends XmlRpcException {
        private static final long serialVersionUID = 1L;

        FaultException(int code, String faultString) {
            super(code, faultString);
        }
    }
}
