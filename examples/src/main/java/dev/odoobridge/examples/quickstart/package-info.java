/** The README's library quick start: connect, search, create with an x2many command, write, a typed fault, delete. */
package dev.odoobridge.examples.quickstart;
