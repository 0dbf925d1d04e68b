/**
 * Vendor linking: a vendor proves which Odoo partner they are with a one-time code sent through
 * the shop's own Odoo; links then scope every vendor-facing report. Codes come from a CSPRNG,
 * are stored only as keyed hashes, expire, are single-use, attempt-capped, rate-limited and never logged.
 */
package dev.odoobridge.vendors;
