package dev.odoobridge.client.error;

import java.util.Objects;

/**
 * Odoo answered with a fault. This class itself is the generic server error (anything not
 * classified below) and keeps the Python traceback; subclasses name the well-known faults.
 */
public sealed class OdooServerException extends OdooException
        permits AccessDeniedException, AccessErrorException, UserErrorException, UnknownModelException, UnknownMethodException, InvalidQueryException {

    private final String model;
    private final String method;
    private final ServerFault fault;

    public OdooServerException(String model, String method, ServerFault fault) {
        super(describe(model, method, Objects.requireNonNull(fault, "fault == null")), null);
        this.model = model;
        this.method = method;
        this.fault = fault;
    }

    private static String describe(String model, String method, ServerFault fault) {
        String where = model == null ? (method == null ? "" : method + ": ") : model + "." + method + ": ";
        return where + fault.message();
    }

    /** The model called, or null for service calls (version, authenticate). */
    public String model() {
        return model;
    }

    /** The method called. */
    public String method() {
        return method;
    }

    /** The server's fault details (type, message, traceback, codes). */
    public ServerFault fault() {
        return fault;
    }

    /** The server's own message without our prefix. */
    public String serverMessage() {
        return fault.message();
    }

    /** The Python traceback, or null. */
    public String traceback() {
        return fault.traceback();
    }

    /** Server faults are answers, not accidents: retrying the same call gives the same fault. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
