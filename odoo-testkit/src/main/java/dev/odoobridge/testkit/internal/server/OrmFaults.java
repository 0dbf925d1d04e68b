package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.internal.orm.OrmFault;

/** Turns an ORM fault into the Python exception Odoo would raise on the given transport. */
final class OrmFaults {
    private OrmFaults() {
    }

    /** For XML-RPC and JSON-RPC ({@code execute_kw} through {@code service/model.py}). */
    static PyError forRpc(OrmFault fault, String model, String method) {
        return switch (fault.kind()) {
            case UNKNOWN_MODEL -> PyError.odoo("odoo.exceptions.UserError", "Object " + model + " doesn't exist");
            case UNKNOWN_METHOD -> PyError.builtin("AttributeError", fault.getMessage());
            case TYPE_ERROR -> PyError.builtin("TypeError", fault.getMessage());
            default -> common(fault, model, method);
        };
    }

    /** For JSON-2 ({@code rpc/controllers/json2.py}). */
    static PyError forJson2(OrmFault fault, String model, String method) {
        return switch (fault.kind()) {
            case UNKNOWN_MODEL -> PyError.notFound("the model '" + model + "' does not exist");
            case UNKNOWN_METHOD -> PyError.notFound(fault.getMessage());
            case TYPE_ERROR -> PyError.unprocessable(fault.getMessage());
            default -> common(fault, model, method);
        };
    }

    private static PyError common(OrmFault fault, String model, String method) {
        String message = fault.getMessage() == null ? "" : fault.getMessage();
        return switch (fault.kind()) {
            case ACCESS_DENIED -> PyError.accessDenied();
            case ACCESS_ERROR, VALIDATION_ERROR, USER_ERROR, MISSING_ERROR ->
                    PyError.odoo(fault.kind().pythonClass(), message);
            case PRIVATE_METHOD -> PyError.odoo("odoo.exceptions.AccessError", message);
            case INDEX_ERROR -> PyError.builtin("IndexError", message);
            case RUNTIME_TYPE_ERROR -> PyError.builtin("TypeError", message);
            case ASSERTION_ERROR -> PyError.builtin("AssertionError", message);
            case VALUE_ERROR -> PyError.builtin("ValueError", message);
            case KEY_ERROR -> PyError.keyError(unquote(message));
            case INTERNAL_ERROR -> PyError.builtin("Exception", message);
            case UNKNOWN_MODEL, UNKNOWN_METHOD, TYPE_ERROR ->
                    throw new IllegalStateException("transport-specific kind " + fault.kind());
        };
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
