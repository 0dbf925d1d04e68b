package dev.odoobridge.client.internal.xmlrpc;

import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decoder of XML-RPC {@code methodResponse} bodies into plain Java values. It knows only the
 * standard types and turns each into data (never into an object chosen by the sender): arrays to
 * {@link java.util.List}, structs to {@link java.util.LinkedHashMap}, {@code int}/{@code i4} to
 * Integer, {@code i8} to Long, {@code double} to Double, {@code boolean} to Boolean,
 * {@code string} and untyped values to String, {@code base64} to its base64 text,
 * {@code dateTime.iso8601} to the String as sent, {@code nil} to null. Any other element (such as
 * Apache's {@code ex:serializable}) makes the body malformed, and so does a DOCTYPE (so no entity
 * can ever be declared: no XXE, no billion laughs) or nesting deeper than
 * {@value XmlRpcBodyParser#MAX_DEPTH} arrays and structs. The body is read whole from the stream
 * (whose owner caps its size) and decoded from its bytes by {@link XmlRpcBodyParser}. Thread-safe.
 */
final class XmlRpcResponseReader {

    /**
     * Decodes one response.
     *
     * @throws OdooTransportException MALFORMED_RESPONSE when the body is not a valid XML-RPC response
     * @throws IOException when reading the stream fails
     */
    XmlRpcResponse read(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        return read(bytes, bytes.length);
    }

    /**
     * Decodes the response in {@code body[0, length)}.
     *
     * @throws OdooTransportException MALFORMED_RESPONSE when the body is not a valid XML-RPC response
     */
    XmlRpcResponse read(byte[] body, int length) {
        try {
            return new XmlRpcBodyParser(body, length).parse();
        } catch (XmlRpcBodyParser.Malformed e) {
            throw new OdooTransportException(Kind.MALFORMED_RESPONSE, 200,
                    "the server's answer is not a valid XML-RPC response (" + e.getMessage()
                            + "); check that the url points at an Odoo server", e);
        }
    }
}
