package dev.odoobridge.client.error;

/** A business rule refused the operation (Odoo's UserError), e.g. deleting a confirmed order.
 * Like in Odoo, validation and missing-record errors are user errors too; over XML-RPC a
 * ValidationError cannot be told apart from a UserError (both are fault code 2 with a message only)
 * and arrives as this class. */
public sealed class UserErrorException extends OdooServerException
        permits ValidationException, MissingRecordException {
    public UserErrorException(String model, String method, ServerFault fault) {
        super(model, method, fault);
    }
}
