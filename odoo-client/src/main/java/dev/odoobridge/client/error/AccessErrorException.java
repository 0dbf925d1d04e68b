package dev.odoobridge.client.error;

/** The user lacks rights for the operation (Odoo's AccessError, XML-RPC fault code 4, JSON-2 HTTP 403). */
public final class AccessErrorException extends OdooServerException {
    public AccessErrorException(String model, String method, ServerFault fault) {
        super(model, method, fault);
    }
}
