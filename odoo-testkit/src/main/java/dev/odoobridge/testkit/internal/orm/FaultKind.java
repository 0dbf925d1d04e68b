package dev.odoobridge.testkit.internal.orm;

/**
 * The Python exception a real Odoo would raise. The protocol layer renders each as the recorded
 * wire shape: XML-RPC fault code, JSON-RPC {@code data.name}, JSON-2 HTTP status.
 */
public enum FaultKind {
    /** odoo.exceptions.AccessDenied: XML-RPC 3, JSON-2 401. */
    ACCESS_DENIED("odoo.exceptions.AccessDenied"),
    /** odoo.exceptions.AccessError: XML-RPC 4, JSON-2 403. */
    ACCESS_ERROR("odoo.exceptions.AccessError"),
    /** odoo.exceptions.ValidationError: XML-RPC 2, JSON-2 422. */
    VALIDATION_ERROR("odoo.exceptions.ValidationError"),
    /** odoo.exceptions.UserError: XML-RPC 2, JSON-2 422. */
    USER_ERROR("odoo.exceptions.UserError"),
    /** odoo.exceptions.MissingError: XML-RPC 2, JSON-2 404. */
    MISSING_ERROR("odoo.exceptions.MissingError"),
    /**
     * Unknown model: XML-RPC 2 {@code Object x doesn't exist}, JSON-RPC {@code odoo.exceptions.UserError},
     * JSON-2 404 {@code werkzeug.exceptions.NotFound} (the protocol layer writes the message).
     */
    UNKNOWN_MODEL("builtins.KeyError"),
    /** Unknown method: XML-RPC 1 (AttributeError traceback), JSON-2 404 NotFound. */
    UNKNOWN_METHOD("builtins.AttributeError"),
    /** Private method (leading underscore): XML-RPC 4 (AccessError), JSON-2 403. */
    PRIVATE_METHOD("odoo.exceptions.AccessError"),
    /** ValueError: bad field or operator in a domain. XML-RPC 1, JSON-2 500. */
    VALUE_ERROR("builtins.ValueError"),
    /**
     * TypeError: bad argument names or count. XML-RPC 1; JSON-2 422 UnprocessableEntity (Odoo binds the
     * arguments before the call).
     */
    TYPE_ERROR("builtins.TypeError"),
    /**
     * KeyError, e.g. writing a field the model does not have (the message is the bare field name):
     * XML-RPC 1 (traceback ending in {@code KeyError: 'field'}), JSON-RPC {@code builtins.KeyError},
     * JSON-2 500.
     */
    KEY_ERROR("builtins.KeyError"),
    /** Anything else: XML-RPC 1, JSON-2 500. */
    INTERNAL_ERROR("builtins.Exception");

    private final String pythonClass;

    FaultKind(String pythonClass) {
        this.pythonClass = pythonClass;
    }

    /** The Python class name Odoo reports (JSON-RPC {@code data.name}, JSON-2 {@code name}). */
    public String pythonClass() {
        return pythonClass;
    }
}
