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
     * Unknown model "Object x doesn't exist": raised by Odoo as a UserError, so XML-RPC 2 (message only) and
     * JSON-RPC {@code data.name} odoo.exceptions.UserError; JSON-2 answers 404 "the model 'x' does not exist".
     */
    UNKNOWN_MODEL("odoo.exceptions.UserError"),
    /** Unknown method: XML-RPC 1 (AttributeError traceback), JSON-2 404. */
    UNKNOWN_METHOD("builtins.AttributeError"),
    /** Private method (leading underscore): XML-RPC 1, JSON-2 403. */
    PRIVATE_METHOD("odoo.exceptions.AccessError"),
    /** ValueError: bad field, bad domain, bad operator. XML-RPC 1, JSON-2 422. */
    VALUE_ERROR("builtins.ValueError"),
    /**
     * TypeError: bad argument names ("missing a required argument: 'domain'"), ids on a model method ("cannot call
     * res.partner.search_count with ids"). XML-RPC 1; JSON-2 422 werkzeug.exceptions.UnprocessableEntity.
     */
    TYPE_ERROR("builtins.TypeError"),
    /** KeyError: unknown field in create/write values; the message is the field name. XML-RPC 1, JSON-2 500. */
    KEY_ERROR("builtins.KeyError"),
    /** TypeError raised inside a method (not by argument binding): XML-RPC 1, JSON-2 500. */
    RUNTIME_TYPE_ERROR("builtins.TypeError"),
    /** AssertionError: XML-RPC 1, JSON-2 500. */
    ASSERTION_ERROR("builtins.AssertionError"),
    /** IndexError: {@code call_kw} indexing a positional argument that was not sent. XML-RPC 1, JSON-2 500. */
    INDEX_ERROR("builtins.IndexError"),
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
