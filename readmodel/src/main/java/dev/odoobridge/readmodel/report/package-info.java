/**
 * Report queries (stock status, sales velocity, demand forecast, alerts, sales, top products,
 * customer activity) with plain records as results; vendor-facing ones are bound to a {@link
 * dev.odoobridge.readmodel.report.VendorScope}.
 */
package dev.odoobridge.readmodel.report;
