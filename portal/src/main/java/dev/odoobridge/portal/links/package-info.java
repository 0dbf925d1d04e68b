/**
 * Linking shops from the browser with the vendor-linking handshake: request a code for a shop's partner, confirm it,
 * list and revoke links ({@link dev.odoobridge.portal.links.LinkPages}).
 */
package dev.odoobridge.portal.links;
