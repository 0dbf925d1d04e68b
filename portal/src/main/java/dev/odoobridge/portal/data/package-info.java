/**
 * What the portal shows, read from the read model inside a vendor's scope: dashboard rows, product details with their
 * 120-day trend, forecasts and lots ({@link dev.odoobridge.portal.data.VendorData}).
 */
package dev.odoobridge.portal.data;
