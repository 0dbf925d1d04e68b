/**
 * Internals of the webhook intake and processor: post checks, payload validation, signatures,
 * inbox SQL, the processing pass, and the automation rules' planning and RPC. Not API; may change
 * without notice.
 */
package dev.odoobridge.sync.webhook.internal;
