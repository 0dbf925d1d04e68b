package dev.odoobridge.client.internal.xmlrpc;

import java.util.Objects;

/** A decoded {@code methodResponse}: either the single result value or a fault. */
sealed interface XmlRpcResponse {

    /**
     * A successful answer.
     *
     * @param value the decoded value (List, LinkedHashMap, Integer, Long, Double, Boolean, String, or null)
     */
    record Success(Object value) implements XmlRpcResponse {
    }

    /**
     * A fault. Only the code and string are kept; any other member (such as a Java
     * {@code faultCause}) is dropped unread.
     *
     * @param code {@code faultCode}
     * @param message {@code faultString}
     */
    record Fault(int code, String message) implements XmlRpcResponse {
        public Fault {
            Objects.requireNonNull(message, "message == null");
        }
    }
}
