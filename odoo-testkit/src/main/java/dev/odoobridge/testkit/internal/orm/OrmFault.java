package dev.odoobridge.testkit.internal.orm;

import java.util.Objects;

/** A fault raised by the fake ORM, carrying the Python exception kind and message Odoo would send. */
public final class OrmFault extends RuntimeException {
    private final FaultKind kind;

    public OrmFault(FaultKind kind, String message) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind == null");
    }

    /** Which Python exception this is. */
    public FaultKind kind() {
        return kind;
    }
}
