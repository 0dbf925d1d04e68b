package dev.odoobridge.client.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Test helper: decodes a {@code methodCall} body (recorded or sent) into its method name and params. */
public final class XmlRpcCalls {
    private XmlRpcCalls() {
    }

    /**
     * A decoded call.
     *
     * @param method methodName
     * @param params decoded params, with the types the XML named (int → Integer, string or untyped → String)
     */
    public record MethodCall(String method, List<Object> params) {
    }

    /** Decodes a methodCall body. */
    public static MethodCall parse(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            String method = child(root, "methodName").getTextContent();
            List<Object> params = new ArrayList<>();
            Element paramsElement = child(root, "params");
            if (paramsElement != null) {
                for (Element param : children(paramsElement)) {
                    params.add(value(child(param, "value")));
                }
            }
            return new MethodCall(method, params);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an XML-RPC methodCall: " + e.getMessage(), e);
        }
    }

    private static Object value(Element value) {
        List<Element> typed = children(value);
        if (typed.isEmpty()) {
            return value.getTextContent();
        }
        Element t = typed.get(0);
        String text = t.getTextContent();
        switch (t.getTagName()) {
            case "string":
                return text;
            case "int":
            case "i4":
                return Integer.valueOf(text.trim());
            case "double":
                return Double.valueOf(text.trim());
            case "nil":
                return null;
            case "boolean":
                return "1".equals(text.trim());
            case "array": {
                List<Object> list = new ArrayList<>();
                for (Element v : children(child(t, "data"))) {
                    list.add(value(v));
                }
                return list;
            }
            case "struct": {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Element member : children(t)) {
                    map.put(child(member, "name").getTextContent(), value(child(member, "value")));
                }
                return map;
            }
            default:
                throw new IllegalArgumentException("type <" + t.getTagName() + "> not expected in an Odoo call");
        }
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
