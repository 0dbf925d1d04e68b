/**
 * Webhook-driven sync: {@link dev.odoobridge.sync.webhook.WebhookIntake} authenticates Odoo's
 * posts (whatever HTTP server carries them) and stores them in the PostgreSQL inbox before
 * answering; {@link dev.odoobridge.sync.webhook.WebhookProcessor} re-reads the posted records from
 * Odoo (a post is a hint, never data) and applies them to the read model;
 * {@link dev.odoobridge.sync.webhook.WebhookInbox} lists and replays stored events.
 */
package dev.odoobridge.sync.webhook;
