package dev.odoobridge.client.error;

/** Authentication failed: wrong login, password or API key (Odoo's AccessDenied, or {@code authenticate} returning False). */
public final class AccessDeniedException extends OdooServerException {
    public AccessDeniedException(String model, String method, ServerFault fault) {
        super(model, method, fault);
    }
}
