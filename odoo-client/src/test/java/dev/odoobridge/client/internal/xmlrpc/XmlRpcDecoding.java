package dev.odoobridge.client.internal.xmlrpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Test-side access to the package-private XML-RPC reader, for benchmarks in other packages. */
public final class XmlRpcDecoding {
    private final XmlRpcResponseReader reader = new XmlRpcResponseReader();

    /** Decodes one methodResponse body the way the transport does; returns the result value. */
    public Object decode(byte[] body) throws IOException {
        XmlRpcResponse response = reader.read(new ByteArrayInputStream(body));
        if (response instanceof XmlRpcResponse.Success success) {
            return success.value();
        }
        throw new IllegalArgumentException("the body is a fault: " + response);
    }
}
