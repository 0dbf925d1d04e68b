package dev.odoobridge.sync.webhook.internal;

/** A valid post: what the inbox stores. */
record ParsedPost(String model, long recordId, String action, String payloadJson) {
}
