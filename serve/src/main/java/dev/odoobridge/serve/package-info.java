/**
 * The serving process on Jetty 12: {@link dev.odoobridge.serve.Serve} (webhooks, inbox processor,
 * scheduler, health, admin API and mounted handlers on one port), {@link dev.odoobridge.serve.WebhookServer}
 * (the webhook receiver alone), {@link dev.odoobridge.serve.WebhookHandler} (the webhook receiver as a
 * handler for your own Jetty server), {@link dev.odoobridge.serve.Schedule} and
 * {@link dev.odoobridge.serve.CronExpression}.
 */
package dev.odoobridge.serve;
