/**
 * Report queries (stock status, sales velocity, demand forecast, alerts, sales, top products,
 * customer activity) with plain records as results; stock reports are bound to a {@link
 * dev.odoobridge.readmodel.report.ReportScope}: a vendor's {@link dev.odoobridge.readmodel.report.VendorScope}
 * or the shop's {@link dev.odoobridge.readmodel.report.SourceScope}.
 */
package dev.odoobridge.readmodel.report;
