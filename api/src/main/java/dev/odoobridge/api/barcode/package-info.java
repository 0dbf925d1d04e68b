/**
 * Barcode understanding for the read API: GTIN check digits and equivalent forms
 * ({@link dev.odoobridge.api.barcode.Gtin}), GS1-128 element strings
 * ({@link dev.odoobridge.api.barcode.Gs1}), Odoo's barcode nomenclature rules with weight and price
 * embedded in EAN-13 ({@link dev.odoobridge.api.barcode.Nomenclature}), and an optional external
 * product lookup with an OpenFoodFacts adapter and a cache
 * ({@link dev.odoobridge.api.barcode.ExternalProducts}).
 */
package dev.odoobridge.api.barcode;
