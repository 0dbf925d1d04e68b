package dev.odoobridge.client.internal;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.internal.json.Json2Transport;
import dev.odoobridge.client.internal.json.JsonRpcTransport;
import dev.odoobridge.client.internal.xmlrpc.XmlRpcTransport;
import dev.odoobridge.client.spi.OdooTransport;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the transport for a config. An explicit transport is always honoured. {@code AUTO} takes
 * JSON-2 when the secret looks like an API key <em>and</em> the server is Odoo 19 or later, else
 * XML-RPC; with a password it needs no request at all. To learn the version it asks
 * {@code GET /web/version} (Odoo 19 and later answer it; 17.0 and 18.0 answer a 404 HTML page) and,
 * when that fails, XML-RPC {@code common.version} ({@code server_version_info}, every version),
 * whose transport it keeps when XML-RPC is the choice. A normal 17.0 or 18.0 server costs one 404
 * and one {@code common.version}, logged at DEBUG only. Odoo generates API keys as 20 random bytes
 * in lower-case hex ({@code res.users.apikeys._generate}: {@code API_KEY_SIZE = 20}), i.e. 40 hex
 * digits; a password can be anything, so a password that happens to look like that is taken for a
 * key: choose the transport explicitly in that case.
 */
final class TransportSelector {
    private static final Logger LOG = LoggerFactory.getLogger(TransportSelector.class);
    private static final Pattern API_KEY = Pattern.compile("[0-9a-f]{40}");

    private TransportSelector() {
    }

    static OdooTransport select(OdooConfig config) {
        switch (config.transport()) {
            case JSONRPC:
                return new JsonRpcTransport(config);
            case JSON2:
                return new Json2Transport(config);
            case XMLRPC:
                return new XmlRpcTransport(config);
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
        if (!looksLikeApiKey(config.secret())) {
            LOG.debug("the secret for {} is a password, not an API key: using XML-RPC", config.url());
            return new XmlRpcTransport(config);
        }
        Json2Transport json2 = new Json2Transport(config);
        try {
            ServerVersion version = json2.webVersion();
            if (version.supportsJson2()) {
                LOG.debug("server {} is Odoo {} (GET /web/version): using JSON-2", config.url(), version.serverVersion());
                OdooTransport chosen = json2;
                json2 = null;
                return chosen;
            }
        } catch (OdooException e) {
            // 17.0 and 18.0 have no /web/version (a 404 page): the expected answer of an older server
            LOG.debug("GET /web/version failed on {} ({}); asking XML-RPC common.version", config.url(), e.getMessage());
        } finally {
            if (json2 != null) {
                json2.close();
            }
        }
        XmlRpcTransport xmlRpc = new XmlRpcTransport(config);
        try {
            ServerVersion version = xmlRpc.version();
            boolean useJson2 = version.supportsJson2();
            LOG.debug("server {} is Odoo {} (common.version): using {}", config.url(), version.serverVersion(),
                    useJson2 ? "JSON-2" : "XML-RPC");
            if (!useJson2) {
                OdooTransport chosen = xmlRpc;
                xmlRpc = null;
                return chosen;
            }
            return new Json2Transport(config);
        } finally {
            if (xmlRpc != null) {
                xmlRpc.close();
            }
        }
    }
}
