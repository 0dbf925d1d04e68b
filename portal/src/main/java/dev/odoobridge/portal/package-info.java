/**
 * The vendor portal: a Jetty {@link org.eclipse.jetty.server.Handler} ({@link dev.odoobridge.portal.Portal}) that
 * {@code serve} mounts under {@code /portal/} and that embeds in any Jetty. Vendors sign in with a one-time code or an
 * external identity provider, link shops with the vendor-linking handshake, and see the stock, trends and forecasts
 * of their products across every linked shop; restock proposals become draft purchase orders in Odoo.
 *
 * <p>Packages: {@code portal.web} (routing, requests, forms, rendering, security headers), {@code portal.auth}
 * (sessions, sign-in, CSRF), {@code portal.pages} (the signed-in pages), {@code portal.data} (what the pages show,
 * read from the read model) and {@code portal.chart} (server-rendered SVG charts). Pages are jte templates compiled
 * at build time ({@code src/main/jte}).
 */
package dev.odoobridge.portal;
