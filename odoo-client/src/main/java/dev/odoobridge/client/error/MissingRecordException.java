package dev.odoobridge.client.error;

/** The records do not exist or were deleted (Odoo's MissingError). */
public final class MissingRecordException extends UserErrorException {
    public MissingRecordException(String model, String method, ServerFault fault) {
        super(model, method, fault);
    }
}
