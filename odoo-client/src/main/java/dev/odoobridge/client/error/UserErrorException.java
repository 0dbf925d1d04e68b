package dev.odoobridge.client.error;

/** A business rule refused the operation (Odoo's UserError), e.g. deleting a confirmed order. */
public final class UserErrorException extends OdooServerException {
    public UserErrorException(String model, String method, ServerFault fault) {
        super(model, method, fault);
    }
}
