/**
 * The vendor's pages, each a {@link dev.odoobridge.portal.web.PageModule}: the dashboard ({@link
 * dev.odoobridge.portal.pages.DashboardPages}), product pages with the trend chart ({@link
 * dev.odoobridge.portal.pages.ProductPages}), stock export downloads ({@link dev.odoobridge.portal.pages.ExportPages}),
 * restock proposals that become draft purchase orders ({@link dev.odoobridge.portal.pages.RestockPages}) and the
 * stylesheet ({@link dev.odoobridge.portal.pages.StaticAssets}). Every page reads the vendor's scope on each request
 * ({@link dev.odoobridge.portal.pages.VendorScopes}); anything outside it is the same 404 as something unknown.
 */
package dev.odoobridge.portal.pages;
