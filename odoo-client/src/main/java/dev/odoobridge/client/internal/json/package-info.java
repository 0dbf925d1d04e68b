/**
 * The JSON transports: {@link dev.odoobridge.client.internal.json.JsonRpcTransport} ({@code /jsonrpc},
 * every Odoo version) and {@link dev.odoobridge.client.internal.json.Json2Transport} (Odoo 19's
 * {@code /json/2/<model>/<method>} with an API key), each with its one fault translator, and the
 * streaming codec between JSON and plain Java values. Not API.
 */
package dev.odoobridge.client.internal.json;
