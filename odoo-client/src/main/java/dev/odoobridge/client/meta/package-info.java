/**
 * Model metadata from {@code fields_get}: {@link dev.odoobridge.client.meta.ModelDefinition} and
 * {@link dev.odoobridge.client.meta.FieldDefinition}, loadable from a live server or saved JSON.
 */
package dev.odoobridge.client.meta;
