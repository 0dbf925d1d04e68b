/**
 * Internals of the serve process: the Jetty server setup, routing, JSON and problem answers, the
 * health, admin and webhook handlers' plumbing, the scheduler and the run registry. Not API; may
 * change without notice.
 */
package dev.odoobridge.serve.internal;
