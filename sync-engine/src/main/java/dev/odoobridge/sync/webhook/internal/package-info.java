/**
 * Internals of the webhook receiver and processor: HTTP handling, payload validation,
 * signatures, inbox SQL, the processing pass, and the automation rules' planning and RPC. Not API;
 * may change without notice.
 */
package dev.odoobridge.sync.webhook.internal;
