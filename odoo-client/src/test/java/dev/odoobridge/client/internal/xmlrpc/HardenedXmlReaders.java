package dev.odoobridge.client.internal.xmlrpc;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * For {@link SaxResponseReader}, the reference decoder in the tests: creates SAX readers for untrusted XML-RPC responses: the JDK's own parser, no DOCTYPE at all
 * (so no entity can be declared: XXE and billion laughs fail at the first line), no external
 * entities or DTDs. Because no entity can be declared, the JDK's entity-size limits only ever
 * count predefined entities and the document itself; JDK 24+ lowered them so far that a large
 * response full of {@code &amp;} fails, so they are lifted on these readers only, never through
 * system properties.
 */
final class HardenedXmlReaders {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String[] LIFTED_LIMITS = {
        "jdk.xml.maxGeneralEntitySizeLimit",
        "jdk.xml.totalEntitySizeLimit",
        "jdk.xml.entityExpansionLimit",
        "jdk.xml.entityReplacementLimit",
    };
    /** Deepest element nesting accepted; Odoo's deepest answers (fields_get, domains) nest about 20. */
    private static final String MAX_ELEMENT_DEPTH = "512";

    private final SAXParserFactory factory;

    HardenedXmlReaders() {
        factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser does not support the features needed to parse "
                    + "XML-RPC responses safely", e);
        }
    }

    /** A fresh reader; readers are not thread-safe, the factory is guarded. */
    XMLReader newReader() {
        try {
            XMLReader reader;
            synchronized (factory) {
                reader = factory.newSAXParser().getXMLReader();
            }
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            for (String limit : LIFTED_LIMITS) {
                reader.setProperty(limit, "0");
            }
            reader.setProperty("jdk.xml.maxElementDepth", MAX_ELEMENT_DEPTH);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a hardened SAX reader: " + e.getMessage(), e);
        }
    }
}
