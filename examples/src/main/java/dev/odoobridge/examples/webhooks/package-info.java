/** Embedding the webhook receiver and processor in your own service. */
package dev.odoobridge.examples.webhooks;
