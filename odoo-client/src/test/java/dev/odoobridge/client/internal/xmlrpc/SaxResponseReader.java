package dev.odoobridge.client.internal.xmlrpc;

import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The JDK-SAX decoder the client used before its hand-written reader, kept as the reference the
 * reader is compared with: streaming decoder of XML-RPC {@code methodResponse} bodies into plain Java values. It knows
 * only the standard types and turns each into data (never into an object chosen by the sender):
 * arrays to {@link List}, structs to {@link LinkedHashMap}, {@code int}/{@code i4} to Integer,
 * {@code i8} to Long, {@code double} to Double, {@code boolean} to Boolean, {@code string} and
 * untyped values to String, {@code base64} to its base64 text, {@code dateTime.iso8601} to the
 * String as sent, {@code nil} to null. Any other element (such as Apache's
 * {@code ex:serializable}) makes the body malformed. Thread-safe.
 */
final class SaxResponseReader {
    private final HardenedXmlReaders readers;

    SaxResponseReader(HardenedXmlReaders readers) {
        this.readers = readers;
    }

    SaxResponseReader() {
        this(new HardenedXmlReaders());
    }

    /**
     * Decodes one response.
     *
     * @throws OdooTransportException MALFORMED_RESPONSE when the body is not a valid XML-RPC response
     * @throws IOException when reading the stream fails
     */
    XmlRpcResponse read(InputStream body) throws IOException {
        XMLReader reader = readers.newReader();
        Handler handler = new Handler();
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        try {
            reader.parse(new InputSource(body));
        } catch (SAXParseException e) {
            throw malformed("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException e) {
            throw malformed(e.getMessage(), e);
        }
        return handler.response();
    }

    private static OdooTransportException malformed(String detail, Throwable cause) {
        return new OdooTransportException(Kind.MALFORMED_RESPONSE, 200,
                "the server's answer is not a valid XML-RPC response (" + detail
                        + "); check that the url points at an Odoo server", cause);
    }

    /** SAX handler holding the decoding state of one document. */
    private static final class Handler extends DefaultHandler {
        private final ArrayDeque<String> elements = new ArrayDeque<>();
        private final ArrayDeque<Object> containers = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private boolean collecting;
        private boolean hasPending;
        private Object pending;
        private boolean hasResult;
        private Object result;
        private boolean fault;
        private Object faultValue;

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
            String parent = elements.peek();
            switch (name) {
                case "methodResponse" -> expectParent(name, parent, null);
                case "params", "fault" -> {
                    expectParent(name, parent, "methodResponse");
                    fault = name.equals("fault");
                }
                case "param" -> expectParent(name, parent, "params");
                case "value" -> {
                    if (!"param".equals(parent) && !"fault".equals(parent) && !"data".equals(parent)
                            && !"member".equals(parent)) {
                        throw unexpected(name, parent);
                    }
                    startText();
                }
                case "struct" -> {
                    startContainer(name, parent);
                    containers.push(new StructFrame());
                }
                case "array" -> {
                    startContainer(name, parent);
                    containers.push(new ArrayList<>());
                }
                case "data" -> expectParent(name, parent, "array");
                case "member" -> expectParent(name, parent, "struct");
                case "name" -> {
                    expectParent(name, parent, "member");
                    startText();
                }
                case "int", "i4", "i8", "double", "boolean", "string", "base64", "dateTime.iso8601", "nil" -> {
                    expectParent(name, parent, "value");
                    startText();
                }
                default -> throw new SAXException("unsupported element <" + name + ">"
                        + (parent == null ? "" : " inside <" + parent + ">"));
            }
            elements.push(name);
        }

        private void startContainer(String name, String parent) throws SAXException {
            expectParent(name, parent, "value");
            collecting = false;
        }

        private void startText() {
            text.setLength(0);
            collecting = true;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            elements.pop();
            switch (name) {
                case "int", "i4", "i8", "double", "boolean", "string", "base64", "dateTime.iso8601", "nil" -> {
                    setPending(scalar(name, text));
                    collecting = false;
                }
                case "struct" -> setPending(((StructFrame) containers.pop()).map);
                case "array" -> setPending(containers.pop());
                case "name" -> {
                    ((StructFrame) containers.element()).name = text.toString();
                    collecting = false;
                }
                case "value" -> endValue();
                case "member" -> endMember();
                case "param" -> {
                    if (!hasResult) {
                        throw new SAXException("<param> without a <value>");
                    }
                }
                default -> {
                    // structural elements carry nothing to decode
                }
            }
        }

        private void setPending(Object value) {
            pending = value;
            hasPending = true;
        }

        @SuppressWarnings("unchecked")
        private void endValue() throws SAXException {
            // a typed child left its value pending; a value without one is an untyped string
            Object value = hasPending ? pending : text.toString();
            pending = null;
            hasPending = false;
            collecting = false;
            String parent = elements.peek();
            switch (parent) {
                case "data" -> ((List<Object>) containers.element()).add(value);
                case "member" -> {
                    StructFrame frame = (StructFrame) containers.element();
                    frame.value = value;
                    frame.hasValue = true;
                }
                case "param" -> {
                    if (hasResult) {
                        throw new SAXException("more than one <value> in <param>");
                    }
                    hasResult = true;
                    result = value;
                }
                case "fault" -> faultValue = value;
                default -> throw unexpected("value", parent);
            }
        }

        private void endMember() throws SAXException {
            StructFrame frame = (StructFrame) containers.element();
            if (frame.name == null || !frame.hasValue) {
                throw new SAXException("<member> needs a <name> and a <value>");
            }
            frame.map.put(frame.name, frame.value);
            frame.name = null;
            frame.value = null;
            frame.hasValue = false;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        XmlRpcResponse response() {
            if (fault) {
                if (faultValue instanceof Map<?, ?> m && m.get("faultCode") instanceof Integer code
                        && m.get("faultString") instanceof String message) {
                    return new XmlRpcResponse.Fault(code, message);
                }
                throw malformed("a <fault> needs an int faultCode and a string faultString", null);
            }
            if (!hasResult) {
                throw malformed("no <params><param><value> in the response", null);
            }
            return new XmlRpcResponse.Success(result);
        }

        private static void expectParent(String name, String parent, String expected) throws SAXException {
            if (expected == null ? parent != null : !expected.equals(parent)) {
                throw unexpected(name, parent);
            }
        }

        private static SAXException unexpected(String name, String parent) {
            return new SAXException("unexpected element <" + name + ">"
                    + (parent == null ? " at the top" : " inside <" + parent + ">"));
        }

        private static Object scalar(String type, StringBuilder text) throws SAXException {
            String s = text.toString();
            try {
                return switch (type) {
                    case "string" -> s;
                    case "int", "i4" -> integer(s.trim());
                    case "i8" -> Long.parseLong(s.trim());
                    case "double" -> real(s.trim());
                    case "boolean" -> bool(s.trim());
                    case "base64" -> stripWhitespace(s);
                    case "dateTime.iso8601" -> s.trim();
                    default -> {
                        if (!s.isBlank()) {
                            throw new SAXException("<nil/> must be empty");
                        }
                        yield null;
                    }
                };
            } catch (NumberFormatException e) {
                throw new SAXException("<" + type + "> holds no valid number: " + abbreviate(s), e);
            }
        }

        private static Object integer(String s) {
            long value = Long.parseLong(s);
            if (value == (int) value) {
                return Integer.valueOf((int) value);
            }
            return Long.valueOf(value); // a wider <int> than the spec allows: keep it whole

        }

        private static Double real(String s) {
            // Python writes repr(float): inf, -inf and nan are spelt its way
            return switch (s) {
                case "inf", "+inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan", "-nan" -> Double.NaN;
                default -> Double.valueOf(s);
            };
        }

        private static Boolean bool(String s) throws SAXException {
            return switch (s) {
                case "1", "true" -> Boolean.TRUE;
                case "0", "false" -> Boolean.FALSE;
                default -> throw new SAXException("<boolean> must be 0 or 1, was " + abbreviate(s));
            };
        }

        private static String stripWhitespace(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!Character.isWhitespace(c)) {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "..." : s;
        }
    }

    /** A struct being filled: its map and the member in progress. */
    private static final class StructFrame {
        final Map<String, Object> map = new LinkedHashMap<>();
        String name;
        Object value;
        boolean hasValue;
    }
}
