package dev.odoobridge.client.error;

import java.util.Objects;

/**
 * What Odoo said about a failed call, whatever the transport.
 *
 * @param exceptionType the Python exception class, e.g. {@code odoo.exceptions.ValidationError}
 *                      (XML-RPC: derived from the fault code / traceback), or null when unknown
 * @param message the server's message (for XML-RPC code 1: the traceback's last line)
 * @param traceback the Python traceback when the server sent one, else null
 * @param faultCode the XML-RPC fault code (1-4), or 0 for other transports
 * @param httpStatus the HTTP status of the answer (200 for XML-RPC / JSON-RPC faults)
 */
public record ServerFault(String exceptionType, String message, String traceback, int faultCode, int httpStatus) {
    public ServerFault {
        Objects.requireNonNull(message, "message == null");
    }
}
