package dev.odoobridge.client.internal.xmlrpc;

import java.util.List;
import java.util.Map;
import org.apache.ws.commons.util.NamespaceContextImpl;
import org.apache.xmlrpc.common.TypeFactoryImpl;
import org.apache.xmlrpc.common.XmlRpcController;
import org.apache.xmlrpc.common.XmlRpcStreamConfig;
import org.apache.xmlrpc.parser.TypeParser;
import org.apache.xmlrpc.serializer.BooleanSerializer;
import org.apache.xmlrpc.serializer.DoubleSerializer;
import org.apache.xmlrpc.serializer.ListSerializer;
import org.apache.xmlrpc.serializer.MapSerializer;
import org.apache.xmlrpc.serializer.ObjectArraySerializer;
import org.apache.xmlrpc.serializer.TypeSerializer;
import org.apache.xmlrpc.serializer.TypeSerializerImpl;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The Apache XML-RPC type factory restricted to what Odoo's Python accepts: Integer, and Long
 * within the 32-bit range, as {@code <int>}; Double; Boolean; String as {@code <string>}; List,
 * Object[] and Map (string keys). Everything else, null included, is refused before anything is
 * sent. It never hands out type parsers: responses are decoded by {@link XmlRpcResponseReader}.
 */
final class OdooTypeFactory extends TypeFactoryImpl {
    private static final TypeSerializer INT = new TagSerializer("int");
    private static final TypeSerializer STRING = new TagSerializer("string");
    private static final TypeSerializer DOUBLE = new DoubleSerializer();
    private static final TypeSerializer BOOLEAN = new BooleanSerializer();

    OdooTypeFactory(XmlRpcController controller) {
        super(controller);
    }

    @Override
    public TypeSerializer getSerializer(XmlRpcStreamConfig config, Object value) throws SAXException {
        if (value == null) {
            throw new IllegalArgumentException("null cannot be sent over XML-RPC (Odoo has no nil); "
                    + "send Boolean.FALSE for an empty value, as OdooValues.toWire does");
        }
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return INT;
        }
        if (value instanceof Long l) {
            if (l != l.intValue()) {
                throw new IllegalArgumentException("integer " + l + " does not fit XML-RPC's 32-bit <int>, the only "
                        + "integer type Odoo's XML-RPC accepts; send it as a string or a float, or use JSON-2");
            }
            return INT;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Map<?, ?>) {
            return new MapSerializer(this, config);
        }
        if (value instanceof List<?>) {
            return new ListSerializer(this, config);
        }
        if (value instanceof Object[]) {
            return new ObjectArraySerializer(this, config);
        }
        throw new IllegalArgumentException("cannot send a " + value.getClass().getName()
                + " over XML-RPC; convert it with OdooValues.toWire first");
    }

    @Override
    public TypeParser getParser(XmlRpcStreamConfig config, NamespaceContextImpl context, String uri, String localName) {
        throw new UnsupportedOperationException("XML-RPC responses are decoded by XmlRpcResponseReader only");
    }

    /** Writes {@code <value><tag>text</tag></value>}. */
    private static final class TagSerializer extends TypeSerializerImpl {
        private final String tag;

        TagSerializer(String tag) {
            this.tag = tag;
        }

        @Override
        public void write(ContentHandler handler, Object value) throws SAXException {
            write(handler, tag, value.toString());
        }
    }
}
