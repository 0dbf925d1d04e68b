/**
 * HTTP plumbing shared by the JSON transports (and usable by any transport on
 * {@code java.net.http}): one keep-alive client per transport, timeouts from the config, a
 * response-size cap enforced while streaming, and the mapping of I/O failures to
 * {@link dev.odoobridge.client.error.OdooTransportException}. Not API.
 */
package dev.odoobridge.client.internal.http;
