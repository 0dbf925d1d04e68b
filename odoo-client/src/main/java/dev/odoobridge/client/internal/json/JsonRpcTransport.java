package dev.odoobridge.client.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.internal.http.HttpChannel;
import dev.odoobridge.client.internal.http.UidCache;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.spi.OdooTransport;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Odoo's JSON-RPC endpoint {@code POST /jsonrpc}: {@code common.version},
 * {@code common.authenticate} and {@code object.execute_kw}, every Odoo version. Thread-safe;
 * the uid is fetched once and cached.
 */
public final class JsonRpcTransport implements OdooTransport {
    static final String PATH = "/jsonrpc";

    private final OdooConfig config;
    private final HttpChannel http;
    private final JsonCodec codec = new JsonCodec();
    private final AtomicLong requestIds = new AtomicLong();
    private final UidCache uid = new UidCache();

    /** A transport for {@code config}'s server and credentials. */
    public JsonRpcTransport(OdooConfig config) {
        this(config, new HttpChannel(config));
    }

    /** A transport on an existing channel (closing this transport closes the channel). */
    JsonRpcTransport(OdooConfig config, HttpChannel http) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.http = Objects.requireNonNull(http, "http == null");
    }

    @Override
    public String name() {
        return "jsonrpc";
    }

    @Override
    public ServerVersion version() {
        return VersionDecoder.decode(call(null, "version", "common", "version", List.of()), PATH + " common.version");
    }

    @Override
    public int authenticate() {
        return uid.get(() -> {
            Object result = call(null, "authenticate", "common", "authenticate",
                    List.of(config.database(), config.login(), config.secret(), Map.of()));
            if (!(result instanceof Number n)) {
                if (Boolean.FALSE.equals(result)) {
                    throw JsonRpcFaultTranslator.authenticationRefused(config);
                }
                throw new OdooTransportException(Kind.MALFORMED_RESPONSE, 0,
                        "common.authenticate returned neither a uid nor False", null);
            }
            return n.intValue();
        });
    }

    @Override
    public Object execute(OdooCall call) {
        Objects.requireNonNull(call, "call == null");
        int user = authenticate();
        List<Object> args = new ArrayList<>(7);
        args.add(config.database());
        args.add(user);
        args.add(config.secret());
        args.add(call.model());
        args.add(call.method());
        args.add(call.rpcArgs());
        args.add(call.kwargs());
        return call(call.model(), call.method(), "object", "execute_kw", args);
    }

    private Object call(String model, String method, String service, String serviceMethod, List<Object> args) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("service", service);
        params.put("method", serviceMethod);
        params.put("args", args);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("method", "call");
        body.put("params", params);
        body.put("id", requestIds.incrementAndGet());
        return http.postJson(PATH, codec.encode(body), Map.of(), (status, type, in) -> read(model, method, status, in));
    }

    Object read(String model, String method, int status, InputStream in) throws IOException {
        if (status != 200) {
            throw new OdooTransportException(Kind.HTTP_STATUS, status, "POST " + http.base() + PATH + " answered HTTP "
                    + status + (status == 404 ? " (is this an Odoo server? /jsonrpc exists on every Odoo version)" : ""), null);
        }
        Object decoded;
        try {
            decoded = codec.decode(in);
        } catch (JsonProcessingException e) {
            throw new OdooTransportException(Kind.MALFORMED_RESPONSE, status,
                    "the answer of " + PATH + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(decoded instanceof Map<?, ?> envelope)) {
            throw malformed("the body is not a JSON object");
        }
        Object error = envelope.get("error");
        if (error != null) {
            throw JsonRpcFaultTranslator.translate(model, method, error, status);
        }
        if (!envelope.containsKey("result")) {
            if ("2.0".equals(envelope.get("jsonrpc")) && model != null) {
                // Odoo leaves 'result' out when the method returned None ({"jsonrpc": "2.0", "id": N});
                // the call did its work
                return null;
            }
            throw malformed("the answer has neither 'result' nor 'error'");
        }
        return envelope.get("result");
    }

    private static OdooTransportException malformed(String detail) {
        return new OdooTransportException(Kind.MALFORMED_RESPONSE, 200, "unexpected answer from " + PATH + ": " + detail, null);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "JsonRpcTransport{" + http.base() + ", db=" + config.database() + ", login=" + config.login() + "}";
    }
}
