package dev.odoobridge.client;

/** The wire protocol a client speaks. */
public enum Transport {
    /** {@code /xmlrpc/2/common} and {@code /xmlrpc/2/object} (every Odoo version). */
    XMLRPC,
    /** {@code /jsonrpc} (every Odoo version). */
    JSONRPC,
    /** Odoo 19's {@code /json/2/<model>/<method>} with an API key as bearer token. */
    JSON2,
    /** JSON-2 on Odoo 19+ when the secret is an API key, otherwise XML-RPC. */
    AUTO
}
