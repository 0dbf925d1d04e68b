/** Hostile input against the running pieces: bursts of bad requests mixed with valid ones. */
package dev.odoobridge.sync.hostile;
