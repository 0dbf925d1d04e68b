package dev.odoobridge.client.internal.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.apache.xmlrpc.parser.XmlRpcResponseParser;
import org.apache.xmlrpc.util.SAXParsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Documents what the patched fork does with a fault's {@code faultCause} (stock Apache XML-RPC
 * 3.1.3 deserialized it unconditionally, CVE-2019-17570): the fork only deserializes it when the
 * config is enabled for exceptions. Our transport never enables that and never uses this parser.
 */
class ForkFaultCauseTest {

    @BeforeEach
    void reset() {
        DeserializationMarker.DESERIALIZED.set(false);
    }

    @Test
    void forkParserStillDeserializesFaultCauseWhenEnabledForExceptions() throws Exception {
        XmlRpcResponseParser parser = stockParse(true);
        assertThat(parser.isSuccess()).isFalse();
        assertThat(DeserializationMarker.DESERIALIZED).isTrue();
        assertThat(parser.getErrorCause()).isInstanceOf(DeserializationMarker.class);
    }

    @Test
    void forkParserDoesNotDeserializeFaultCauseWithExceptionsDisabled() throws Exception {
        XmlRpcResponseParser parser = stockParse(false);
        assertThat(parser.getErrorCode()).isEqualTo(1);
        assertThat(parser.getErrorCause()).isNull();
        assertThat(DeserializationMarker.DESERIALIZED).isFalse();
    }

    @Test
    void ourReaderIgnoresFaultCauseWhateverItHolds() throws Exception {
        XmlRpcResponse response = new XmlRpcResponseReader().read(
                new ByteArrayInputStream(DeserializationMarker.faultWithCause().getBytes(StandardCharsets.UTF_8)));
        assertThat(response).isEqualTo(new XmlRpcResponse.Fault(1,
                "Traceback (most recent call last):\n  File \"/srv/x.py\", line 1, in f\n    boom()\nValueError: boom"));
        assertThat(DeserializationMarker.DESERIALIZED).isFalse();
    }

    private static XmlRpcResponseParser stockParse(boolean enabledForExceptions) throws Exception {
        XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
        config.setEnabledForExceptions(enabledForExceptions);
        XmlRpcResponseParser parser = new XmlRpcResponseParser(config, new XmlRpcClient().getTypeFactory());
        XMLReader reader = SAXParsers.newXMLReader();
        reader.setContentHandler(parser);
        reader.parse(new InputSource(new ByteArrayInputStream(
                DeserializationMarker.faultWithCause().getBytes(StandardCharsets.UTF_8))));
        return parser;
    }
}
