package dev.odoobridge.client.error;

/** A constraint rejected the values (Odoo's ValidationError). */
public final class ValidationException extends UserErrorException {
    public ValidationException(String model, String method, ServerFault fault) {
        super(model, method, fault);
    }
}
