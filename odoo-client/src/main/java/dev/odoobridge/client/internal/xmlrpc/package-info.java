/**
 * The XML-RPC transport ({@code /xmlrpc/2/common} and {@code /xmlrpc/2/object}). Requests go
 * through the patched Apache XML-RPC client (its client pipeline and request serializers, with
 * Odoo's types); the HTTP exchange runs on {@link java.net.http.HttpClient} with keep-alive;
 * responses are decoded by a hand-written XML-RPC reader over the body's bytes that never
 * deserializes Java objects, rejects DOCTYPEs and caps the body size. Faults become exceptions in one place,
 * {@link dev.odoobridge.client.internal.xmlrpc.XmlRpcFaultTranslator}. Not API.
 */
package dev.odoobridge.client.internal.xmlrpc;
