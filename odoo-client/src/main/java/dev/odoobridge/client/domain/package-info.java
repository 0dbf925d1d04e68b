/**
 * Odoo search domains as immutable values: build with {@link dev.odoobridge.client.domain.Domains},
 * render with {@link dev.odoobridge.client.domain.Domain#toWire()} to Odoo's prefix notation, or
 * parse the textual Python-list form with {@link dev.odoobridge.client.domain.DomainParser}.
 */
package dev.odoobridge.client.domain;
