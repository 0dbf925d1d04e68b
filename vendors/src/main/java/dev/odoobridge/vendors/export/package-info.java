/**
 * A vendor's stock export: every product the vendor supplies across the sources they are linked
 * to, with stock status, velocity, cover, forecast stockout and near-expiry lots, written as CSV,
 * JSON or a self-contained HTML page, to a stream or by mail through the shop's Odoo.
 */
package dev.odoobridge.vendors.export;
