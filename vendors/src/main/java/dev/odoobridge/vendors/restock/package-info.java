/**
 * Restock proposals for a vendor's urgent products: a dry-run plan computed from the read model
 * (forecast demand, threshold, on hand, incoming, the supplier's minimum quantity) and, on
 * confirmation, draft purchase orders created in the shop's Odoo (never confirmed here) and
 * re-synced into the read model.
 */
package dev.odoobridge.vendors.restock;
