package dev.odoobridge.client.internal.xmlrpc;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.internal.http.UidCache;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.spi.OdooTransport;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Odoo's XML-RPC protocol: {@code common.version}, {@code common.authenticate} and
 * {@code object.execute_kw}. Built on the patched Apache XML-RPC client with its transport
 * replaced by {@link java.net.http.HttpClient} (HTTP/1.1, keep-alive, one client per instance,
 * released by {@link #close()}) and its response parsing replaced by a hardened streaming reader
 * that never deserializes Java objects. The uid is cached after the first successful
 * authentication. Thread-safe.
 */
public final class XmlRpcTransport implements OdooTransport {
    private static final Logger LOG = LoggerFactory.getLogger(XmlRpcTransport.class);

    private final OdooConfig config;
    private final ExecutorService executor;
    private final HttpClient http;
    private final XmlRpcClient client;
    private final XmlRpcClientConfigImpl common;
    private final XmlRpcClientConfigImpl object;
    private final UidCache uid = new UidCache();
    private volatile boolean closed;

    /** A transport for the server, credentials, timeouts and size cap in {@code config}. */
    public XmlRpcTransport(OdooConfig config) {
        this.config = Objects.requireNonNull(config, "config == null");
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "odoo-xmlrpc-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.client = new XmlRpcClient();
        client.setTypeFactory(new OdooTypeFactory(client));
        client.setTransportFactory(new JdkHttpTransportFactory(client, http, new XmlRpcResponseReader(),
                config.requestTimeout(), config.maxResponseBytes()));
        this.common = endpoint(config.url(), "common");
        this.object = endpoint(config.url(), "object");
        client.setConfig(common);
    }

    @Override
    public String name() {
        return "xmlrpc";
    }

    @Override
    public ServerVersion version() {
        Object answer = invoke(common, null, "version", List.of());
        if (!(answer instanceof Map<?, ?> map)) {
            throw unexpected("common.version", answer);
        }
        return VersionInfo.parse(map);
    }

    /** The cached uid, or logs in once; after a call is refused with AccessDenied the next call logs in again. */
    @Override
    public int authenticate() {
        return uid();
    }

    @Override
    public Object execute(OdooCall call) {
        Objects.requireNonNull(call, "call == null");
        int currentUid = uid();
        List<Object> params = new ArrayList<>(7);
        params.add(config.database());
        params.add(currentUid);
        params.add(config.secret());
        params.add(call.model());
        params.add(call.method());
        params.add(call.rpcArgs());
        if (!call.kwargs().isEmpty()) {
            params.add(call.kwargs());
        }
        try {
            return invoke(object, call.model(), "execute_kw", call.method(), params);
        } catch (AccessDeniedException e) {
            // the credentials stopped working (password or key changed): authenticate again next time
            uid.forget(currentUid);
            throw e;
        }
    }

    /** Calls any method of any {@code /xmlrpc/2/<service>} endpoint; for diagnostics and tests. */
    Object callService(String service, String method, List<Object> params) {
        return invoke(endpoint(config.url(), service), null, method, params);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        executor.shutdownNow();
        if (http instanceof AutoCloseable closeable) {
            // HttpClient is AutoCloseable from Java 21 on; on 17 it is released with its executor
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the XML-RPC HTTP client failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "XmlRpcTransport{" + common.getServerURL() + ", db=" + config.database() + "}";
    }

    private int uid() {
        return uid.get(this::login);
    }

    private int login() {
        Object answer = invoke(common, null, "authenticate",
                List.of(config.database(), config.login(), config.secret(), Map.of()));
        if (answer instanceof Integer id) {
            return id;
        }
        if (Boolean.FALSE.equals(answer)) {
            throw XmlRpcFaultTranslator.authenticationRefused(config.login(), config.database());
        }
        throw unexpected("common.authenticate", answer);
    }

    private Object invoke(XmlRpcClientConfigImpl endpoint, String model, String method, List<Object> params) {
        return invoke(endpoint, model, method, method, params);
    }

    private Object invoke(XmlRpcClientConfigImpl endpoint, String model, String rpcMethod, String reportedMethod,
                          List<Object> params) {
        if (closed) {
            throw new IllegalStateException("this XML-RPC transport is closed");
        }
        try {
            return client.execute(endpoint, rpcMethod, params);
        } catch (JdkHttpTransportFactory.FaultException fault) {
            if (model != null && XmlRpcFaultTranslator.isNoneResult(fault.code, fault.getMessage())) {
                // the method returned None: Odoo did (and committed) the work, then could not marshal the answer
                LOG.debug("{}.{} returned None, which XML-RPC cannot carry; answering null", model, reportedMethod);
                return null;
            }
            throw XmlRpcFaultTranslator.translate(model, reportedMethod, fault.code, fault.getMessage());
        } catch (XmlRpcException e) {
            throw new OdooTransportException(Kind.MALFORMED_RESPONSE, 0, "the XML-RPC client failed on "
                    + rpcMethod + ": " + e.getMessage(), e);
        }
    }

    private static OdooTransportException unexpected(String call, Object answer) {
        String type = answer == null ? "nothing" : answer.getClass().getSimpleName();
        return new OdooTransportException(Kind.MALFORMED_RESPONSE, 200, call + " answered with " + type
                + ", which Odoo never does; check that the url points at an Odoo server", null);
    }

    private static XmlRpcClientConfigImpl endpoint(URI base, String service) {
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        XmlRpcClientConfigImpl endpoint = new XmlRpcClientConfigImpl();
        try {
            // user info is dropped: the URL shows up in messages, and Odoo does not use HTTP auth
            URI uri = new URI(base.getScheme(), null, base.getHost(), base.getPort(),
                    path + "/xmlrpc/2/" + service, null, null);
            endpoint.setServerURL(new URL(uri.toString()));
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalArgumentException("cannot build the XML-RPC endpoint from " + base + ": " + e.getMessage(), e);
        }
        endpoint.setEnabledForExtensions(false);
        endpoint.setEnabledForExceptions(false);
        endpoint.setEncoding("UTF-8");
        return endpoint;
    }
}
