package dev.odoobridge.testkit.internal.server;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses an XML-RPC {@code methodCall} into plain values (String, Integer/Long, Double, Boolean,
 * List, Map, null for {@code nil}). DOCTYPEs are refused, so no external entity or entity expansion
 * can reach the parser. {@code dateTime.iso8601} and {@code base64} arrive as their text.
 */
final class XmlRpcReader {
    private final XMLInputFactory factory;

    XmlRpcReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException unsupported) {
            // older StAX implementations: SUPPORT_DTD=false already blocks DTDs
        }
    }

    /** A parsed call. */
    record MethodCall(String methodName, List<Object> params) {
    }

    /** Thrown for a body that is not a well-formed XML-RPC call. */
    static final class MalformedCallException extends Exception {
        MalformedCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    MethodCall read(InputStream body) throws MalformedCallException {
        try {
            XMLStreamReader r = factory.createXMLStreamReader(body);
            try {
                return readCall(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new MalformedCallException("not a valid XML-RPC methodCall: " + e.getMessage(), e);
        }
    }

    private MethodCall readCall(XMLStreamReader r) throws XMLStreamException {
        String name = null;
        List<Object> params = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DOCTYPE is not allowed in an XML-RPC call");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "methodName" -> name = r.getElementText().trim();
                case "value" -> params.add(readValue(r));
                case "methodCall", "params", "param" -> {
                }
                default -> throw new XMLStreamException("unexpected element <" + r.getLocalName() + ">");
            }
        }
        if (name == null) {
            throw new XMLStreamException("methodCall without methodName");
        }
        return new MethodCall(name, params);
    }

    /** Reads one value; the reader is on {@code <value>} and ends on {@code </value>}. */
    private Object readValue(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        Object result = null;
        boolean typed = false;
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    typed = true;
                    result = readTyped(r);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return typed ? result : text.toString();
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unterminated <value>");
                default -> {
                }
            }
        }
    }

    private Object readTyped(XMLStreamReader r) throws XMLStreamException {
        String type = r.getLocalName();
        switch (type) {
            case "int", "i4", "i8" -> {
                long v = Long.parseLong(r.getElementText().trim());
                return v == (int) v ? (Object) (int) v : (Object) v;
            }
            case "boolean" -> {
                String t = r.getElementText().trim();
                if (!t.equals("0") && !t.equals("1")) {
                    throw new XMLStreamException("bad boolean value " + t);
                }
                return t.equals("1");
            }
            case "double" -> {
                return Double.parseDouble(r.getElementText().trim());
            }
            case "string", "dateTime.iso8601", "base64" -> {
                return r.getElementText();
            }
            case "nil" -> {
                skipToEnd(r);
                return null;
            }
            case "array" -> {
                return readArray(r);
            }
            case "struct" -> {
                return readStruct(r);
            }
            default -> throw new XMLStreamException("unknown XML-RPC type <" + type + ">");
        }
    }

    private List<Object> readArray(XMLStreamReader r) throws XMLStreamException {
        List<Object> list = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (r.getLocalName().equals("value")) {
                    list.add(readValue(r));
                } else if (r.getLocalName().equals("data")) {
                    depth++;
                } else {
                    throw new XMLStreamException("unexpected <" + r.getLocalName() + "> in array");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unterminated <array>");
            }
        }
        return list;
    }

    private Map<String, Object> readStruct(XMLStreamReader r) throws XMLStreamException {
        Map<String, Object> map = new LinkedHashMap<>();
        String name = null;
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "member" -> name = null;
                    case "name" -> name = r.getElementText();
                    case "value" -> {
                        if (name == null) {
                            throw new XMLStreamException("struct member without <name>");
                        }
                        map.put(name, readValue(r));
                    }
                    default -> throw new XMLStreamException("unexpected <" + r.getLocalName() + "> in struct");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("struct")) {
                return map;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unterminated <struct>");
            }
        }
    }

    private static void skipToEnd(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
