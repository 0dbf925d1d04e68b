/**
 * Implementation of the read model on MongoDB (not API): document mapping, the version-guarded
 * projector, index plan, derived stock views and the report aggregations.
 */
package dev.odoobridge.readmodel.internal;
