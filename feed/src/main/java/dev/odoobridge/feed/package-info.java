/**
 * The offline-sync feed: WatermelonDB's pull and push protocol over the read model. {@link dev.odoobridge.feed.Feeds}
 * builds a {@link dev.odoobridge.feed.Feed} from a {@link dev.odoobridge.feed.FeedConfig}: pulls return the changes
 * of the configured {@link dev.odoobridge.feed.FeedTable tables} after a change sequence (tombstones as deleted ids),
 * pushes are written through Odoo with idempotency on the client's record ids. {@link dev.odoobridge.feed.FeedHandler}
 * serves both over HTTP as a Jetty 12 core handler, in {@code odoo-bridge serve} or in a user's own server.
 */
package dev.odoobridge.feed;
