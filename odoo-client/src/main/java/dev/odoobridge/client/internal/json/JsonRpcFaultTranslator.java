package dev.odoobridge.client.internal.json;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.ServerFault;
import dev.odoobridge.client.internal.FaultClassifier;
import java.util.Map;

/**
 * The one place that turns JSON-RPC faults into exceptions: the envelope's
 * {@code error.data.name} (Python class), {@code data.message} and {@code data.debug}
 * (traceback) become a {@link ServerFault} classified by {@link FaultClassifier}.
 */
final class JsonRpcFaultTranslator {
    private JsonRpcFaultTranslator() {
    }

    /** Translates the {@code error} member of a JSON-RPC answer. */
    static OdooServerException translate(String model, String method, Object error, int httpStatus) {
        Map<?, ?> err = error instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> data = err.get("data") instanceof Map<?, ?> d ? d : Map.of();
        String type = data.get("name") instanceof String s ? s : null;
        String message = data.get("message") instanceof String s ? s
                : err.get("message") instanceof String s2 ? s2 : "JSON-RPC error without a message: " + error;
        String traceback = data.get("debug") instanceof String s && !s.isEmpty() ? s : null;
        return FaultClassifier.classify(model, method, new ServerFault(type, message, traceback, 0, httpStatus));
    }

    /** {@code common.authenticate} answered {@code False}: Odoo's way of saying the credentials are wrong. */
    static AccessDeniedException authenticationRefused(OdooConfig config) {
        String message = "Odoo refused login '" + config.login() + "' on database '" + config.database()
                + "' (authenticate returned False): check the login and the password or API key, and that the user is active";
        return (AccessDeniedException) FaultClassifier.classify(null, "authenticate",
                new ServerFault("odoo.exceptions.AccessDenied", message, null, 0, 200));
    }
}
