/**
 * The read API: JSON resources over the read model of one source for apps and dashboards, served by
 * a Jetty 12 handler ({@link dev.odoobridge.api.ReadApi}) behind the scoped API keys of
 * {@code dev.odoobridge.access}. Lists are keyset-paged with an opaque cursor, every answer has an
 * ETag, errors are RFC 9457 problems, and the OpenAPI 3.1 document is written from the route table.
 */
package dev.odoobridge.api;
