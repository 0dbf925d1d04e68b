package dev.odoobridge.client.error;

/** The method does not exist on the model, or is private (starts with an underscore). */
public final class UnknownMethodException extends OdooServerException {
    public UnknownMethodException(String model, String method, ServerFault fault) {
        super(model, method, fault);
    }
}
