/** Implementation of the API keys: the PostgreSQL store, the token format and hashing, problem responses. */
package dev.odoobridge.access.internal;
