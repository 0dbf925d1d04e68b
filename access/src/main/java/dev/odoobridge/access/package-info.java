/**
 * API keys for the apps and services that read the read model (the read API, the offline-sync feed).
 * A key belongs to one source and optionally one vendor partner, may be limited to some tables or
 * resources, is shown once at creation ({@link dev.odoobridge.access.ApiKeys#create}) and stored only
 * as a hash, can be revoked, and is rate-limited per key. {@link dev.odoobridge.access.ApiKeyAuth}
 * is the Jetty handler that checks a request's key and hands its {@link dev.odoobridge.access.ApiScope}
 * to the handler it wraps.
 */
package dev.odoobridge.access;
