/**
 * The MongoDB read model: projections of Odoo models into version-guarded documents, derived stock views and report queries.
 */
package dev.odoobridge.readmodel;
