package dev.odoobridge.client.internal.xmlrpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A serializable Throwable whose deserialization is observable: {@code readObject} raises a flag.
 * Stands in for a gadget chain a hostile server could put into a fault's {@code faultCause}.
 */
final class DeserializationMarker extends Exception {
    private static final long serialVersionUID = 1L;
    /** Raised when any instance is deserialized; tests reset it first. */
    static final AtomicBoolean DESERIALIZED = new AtomicBoolean();

    DeserializationMarker() {
        super("marker");
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        DESERIALIZED.set(true);
    }

    /** The marker, Java-serialized and base64-encoded. */
    static String base64() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new DeserializationMarker());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getMimeEncoder().encodeToString(bytes.toByteArray());
    }

    /** A methodResponse fault whose faultCause is the serialized marker, the way Apache XML-RPC servers send one. */
    static String faultWithCause() {
        return "<?xml version=\"1.0\"?>\n<methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>1</int></value></member>"
                + "<member><name>faultString</name><value><string>Traceback (most recent call last):\n"
                + "  File \"/srv/x.py\", line 1, in f\n    boom()\nValueError: boom</string></value></member>"
                + "<member><name>faultCause</name><value><base64>" + base64() + "</base64></value></member>"
                + "</struct></value></fault></methodResponse>\n";
    }

    /** A success response whose value is Apache's extension type for serialized objects. */
    static String serializableValue() {
        return "<?xml version=\"1.0\"?>\n<methodResponse xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
                + "<params><param><value><ex:serializable>" + base64() + "</ex:serializable></value></param></params>"
                + "</methodResponse>\n";
    }
}
