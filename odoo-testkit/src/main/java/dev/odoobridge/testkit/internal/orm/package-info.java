/** FakeOdoo's in-memory ORM: models, fields_get metadata, domain evaluation, ordering, write_date semantics. Internal. */
package dev.odoobridge.testkit.internal.orm;
