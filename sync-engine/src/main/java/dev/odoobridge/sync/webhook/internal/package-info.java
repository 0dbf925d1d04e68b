/**
 * Internals of the webhook intake and processor: post checks, payload validation, signatures,
 * inbox SQL and the processing pass. Not API; may change without notice.
 */
package dev.odoobridge.sync.webhook.internal;
