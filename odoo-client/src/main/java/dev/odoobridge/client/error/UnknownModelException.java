package dev.odoobridge.client.error;

/** The model does not exist on the server (module not installed or typo). */
public final class UnknownModelException extends OdooServerException {
    public UnknownModelException(String model, String method, ServerFault fault) {
        super(model, method, fault);
    }
}
