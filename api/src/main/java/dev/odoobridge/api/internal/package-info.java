/** The read API's routing, queries, cursors, JSON rendering and OpenAPI document. */
package dev.odoobridge.api.internal;
