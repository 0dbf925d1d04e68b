/**
 * Internals of the webhook receiver and processor: HTTP handling, payload validation,
 * signatures, inbox SQL and the processing pass. Not API; may change without notice.
 */
package dev.odoobridge.sync.webhook.internal;
