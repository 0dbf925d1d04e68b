/** The feed's implementation: change-set parsing, MongoDB pull pages, Odoo writes and the pushed-id map. */
package dev.odoobridge.feed.internal;
