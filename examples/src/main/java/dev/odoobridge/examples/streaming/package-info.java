/** Streaming a large model page by page in constant memory. */
package dev.odoobridge.examples.streaming;
