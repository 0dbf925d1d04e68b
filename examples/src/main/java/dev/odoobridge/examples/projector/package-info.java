/** Using the projector inside your own service: a MongoDB read model kept in sync by the sync engine. */
package dev.odoobridge.examples.projector;
