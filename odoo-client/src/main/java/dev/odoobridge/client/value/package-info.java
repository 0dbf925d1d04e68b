/**
 * Odoo values in Java: {@link dev.odoobridge.client.value.Ref} for many2one,
 * {@link dev.odoobridge.client.value.Command} for x2many writes, and
 * {@link dev.odoobridge.client.value.OdooValues} for the conversions between Odoo's wire values
 * (with {@code False} for every empty field) and Java types.
 */
package dev.odoobridge.client.value;
