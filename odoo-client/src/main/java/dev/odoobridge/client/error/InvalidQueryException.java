package dev.odoobridge.client.error;

/** The call was malformed: unknown field, invalid domain or operator, wrong argument names (Odoo's ValueError / TypeError). */
public final class InvalidQueryException extends OdooServerException {
    public InvalidQueryException(String model, String method, ServerFault fault) {
        super(model, method, fault);
    }
}
