package dev.odoobridge.readmodel.report;

/**
 * Which products a stock report covers: a {@link VendorScope} (the products a vendor supplies, for a
 * vendor's key or portal) or a {@link SourceScope} (every product of whole sources, for the shop itself).
 * The scope is applied inside the report's MongoDB aggregation, as its first product match.
 */
public sealed interface ReportScope permits VendorScope, SourceScope {
}
