/**
 * Generates Java records for Odoo models from their metadata, in layers: metadata
 * ({@link dev.odoobridge.client.meta.ModelDefinition}, live or from saved {@code fields_get} JSON) →
 * {@link dev.odoobridge.client.codegen.NamingStrategy} → {@link dev.odoobridge.client.codegen.CodeGenerator}.
 * Output is deterministic and marked as generated.
 */
package dev.odoobridge.client.codegen;
