/**
 * FakeOdoo's HTTP side: the embedded server, the XML-RPC codec, the JSON-RPC and JSON-2 endpoints,
 * the rendering of ORM faults as the played Odoo version puts them on the wire, credentials, webhooks and fault
 * injection. Internal: use {@link dev.odoobridge.testkit.FakeOdoo}.
 */
package dev.odoobridge.testkit.internal.server;
