/** Typed client CRUD: domains, reads with many2one and x2many values, and x2many write commands. */
package dev.odoobridge.examples.crud;
