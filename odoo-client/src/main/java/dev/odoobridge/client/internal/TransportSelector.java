package dev.odoobridge.client.internal;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.internal.json.Json2Transport;
import dev.odoobridge.client.internal.json.JsonRpcTransport;
import dev.odoobridge.client.spi.OdooTransport;
import java.lang.reflect.InvocationTargetException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the transport for a config. An explicit transport is always honoured. {@code AUTO} asks
 * the server's version ({@code GET /web/version}, falling back to JSON-RPC {@code common.version})
 * and takes JSON-2 when the server is Odoo 19 or later <em>and</em> the secret looks like an API
 * key, else XML-RPC. Odoo generates API keys as 20 random bytes in lower-case hex
 * ({@code res.users.apikeys._generate}: {@code API_KEY_SIZE = 20}), i.e. 40 hex digits; a password
 * can be anything, so a password that happens to look like that is taken for a key: choose the
 * transport explicitly in that case.
 */
final class TransportSelector {
    private static final Logger LOG = LoggerFactory.getLogger(TransportSelector.class);
    private static final Pattern API_KEY = Pattern.compile("[0-9a-f]{40}");
    static final String XMLRPC_CLASS = "dev.odoobridge.client.internal.xmlrpc.XmlRpcTransport";

    private TransportSelector() {
    }

    static OdooTransport select(OdooConfig config) {
        switch (config.transport()) {
            case JSONRPC:
                return new JsonRpcTransport(config);
            case JSON2:
                return new Json2Transport(config);
            case XMLRPC:
                return xmlRpc(config);
            case AUTO:
            default:
                return auto(config);
        }
    }

    /** True when the secret has the shape of an Odoo API key (40 lower-case hex digits). */
    static boolean looksLikeApiKey(String secret) {
        return secret != null && API_KEY.matcher(secret).matches();
    }

    private static OdooTransport auto(OdooConfig config) {
        Json2Transport json2 = new Json2Transport(config);
        boolean keep = false;
        try {
            ServerVersion version = probe(config, json2);
            keep = version.supportsJson2() && looksLikeApiKey(config.secret());
            LOG.debug("server {} is Odoo {}; secret {} an API key: using {}", config.url(), version.serverVersion(),
                    looksLikeApiKey(config.secret()) ? "looks like" : "is not", keep ? "JSON-2" : "XML-RPC");
            return keep ? json2 : xmlRpc(config);
        } finally {
            if (!keep) {
                json2.close();
            }
        }
    }

    private static ServerVersion probe(OdooConfig config, Json2Transport json2) {
        try {
            return json2.version();
        } catch (OdooException webVersionFailure) {
            LOG.debug("GET /web/version failed on {}; asking JSON-RPC common.version", config.url(), webVersionFailure);
            try (JsonRpcTransport jsonRpc = new JsonRpcTransport(config)) {
                return jsonRpc.version();
            } catch (OdooException e) {
                e.addSuppressed(webVersionFailure);
                throw e;
            }
        }
    }

    /** The XML-RPC transport, looked up by name so this class compiles before that package exists. */
    private static OdooTransport xmlRpc(OdooConfig config) {
        Class<?> type;
        try {
            type = Class.forName(XMLRPC_CLASS);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the XML-RPC transport " + XMLRPC_CLASS + " is not in this build; "
                    + "choose Transport.JSONRPC or Transport.JSON2", e);
        }
        try {
            return (OdooTransport) type.getConstructor(OdooConfig.class).newInstance(config);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot create " + XMLRPC_CLASS, e.getCause());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(XMLRPC_CLASS + " must implement OdooTransport with a public (OdooConfig) constructor", e);
        }
    }
}
