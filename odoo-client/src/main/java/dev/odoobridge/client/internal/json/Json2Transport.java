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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Odoo 19's JSON-2 API: {@code POST /json/2/<model>/<method>} with the API key as bearer token and
 * the database in {@code X-Odoo-Database}; the body holds named arguments only and a success is
 * the bare result. The version comes from {@code common.version} as on the other transports.
 * JSON-2 has no login call, so {@link #authenticate()} asks {@code res.users/context_get}
 * (callable by every user; its answer carries {@code uid}) and caches the uid. Thread-safe.
 */
public final class Json2Transport implements OdooTransport {
    static final String VERSION_PATH = "/web/version";

    private final OdooConfig config;
    private final HttpChannel http;
    private final JsonCodec codec = new JsonCodec();
    private final Json2FaultTranslator faults;
    private final Map<String, String> headers;
    private final UidCache uid = new UidCache();
    /** Shares this transport's channel; only {@code common.version} is asked through it. */
    private final JsonRpcTransport versionSource;

    /** A transport for {@code config}'s server; {@code config.secret()} must be an API key. */
    public Json2Transport(OdooConfig config) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.http = new HttpChannel(config);
        this.faults = new Json2FaultTranslator(codec, config.database(), http.base().toString());
        this.headers = Map.of("Authorization", "bearer " + config.secret(), "X-Odoo-Database", config.database());
        this.versionSource = new JsonRpcTransport(config, http);
    }

    @Override
    public String name() {
        return "json2";
    }

    /**
     * The server version from {@code common.version} ({@code server_version_info}), asked over
     * JSON-RPC as on every other transport; on a server without {@code /jsonrpc} (answered 404),
     * from {@link #webVersion()}.
     */
    @Override
    public ServerVersion version() {
        try {
            return versionSource.version();
        } catch (OdooTransportException e) {
            if (e.kind() != Kind.HTTP_STATUS || e.httpStatus() != 404) {
                throw e;
            }
            return webVersion();
        }
    }

    /**
     * The version {@code GET /web/version} reports ({@code version_info}): Odoo 19 and later. On
     * 17.0 and 18.0 the path is a 404 HTML page, an {@link OdooTransportException}.
     */
    public ServerVersion webVersion() {
        Object raw = http.get(VERSION_PATH, (status, type, in) -> read(null, "version", VERSION_PATH, status, type, in));
        return VersionDecoder.decode(raw, VERSION_PATH);
    }

    @Override
    public int authenticate() {
        return uid.get(() -> {
            Object context = post("res.users", "context_get", Map.of());
            if (!(context instanceof Map<?, ?> m) || !(m.get("uid") instanceof Number n)) {
                throw new OdooTransportException(Kind.MALFORMED_RESPONSE, 200,
                        "res.users/context_get did not return the user's context with a uid", null);
            }
            return n.intValue();
        });
    }

    @Override
    public Object execute(OdooCall call) {
        Objects.requireNonNull(call, "call == null");
        // named arguments only; a method that returned None answers the body null, returned as null
        return post(call.model(), call.method(), call.namedArgs());
    }

    private Object post(String model, String method, Map<String, Object> body) {
        String path = "/json/2/" + segment(model) + "/" + segment(method);
        return http.postJson(path, codec.encode(body), headers,
                (status, type, in) -> read(model, method, path, status, type, in));
    }

    Object read(String model, String method, String path, int status, String type, InputStream in)
            throws IOException {
        if (status != 200) {
            throw faults.translate(model, method, path, status, type, in.readAllBytes());
        }
        try {
            return codec.decode(in);
        } catch (JsonProcessingException e) {
            throw new OdooTransportException(Kind.MALFORMED_RESPONSE, status,
                    "the answer of " + path + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "Json2Transport{" + http.base() + ", db=" + config.database() + "}";
    }
}
