package dev.odoobridge.client.internal.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.OdooTransportException.Kind;
import dev.odoobridge.client.testing.Recordings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRpcResponseReaderTest {
    private final XmlRpcResponseReader reader = new XmlRpcResponseReader();

    @Test
    void decodesEveryStandardType() {
        Object value = value("<struct>"
                + member("i", "<int>7</int>") + member("i4", "<i4>-3</i4>") + member("i8", "<i8>9000000000</i8>")
                + member("d", "<double>1.5</double>") + member("t", "<boolean>1</boolean>")
                + member("f", "<boolean>0</boolean>") + member("s", "<string> a &amp; b </string>")
                + member("u", "untyped") + member("b64", "<base64>aGVs\nbG8=</base64>")
                + member("dt", "<dateTime.iso8601>20261121T19:14:41</dateTime.iso8601>") + member("n", "<nil/>")
                + member("a", "<array><data><value><int>1</int></value><value><string>x</string></value></data></array>")
                + member("e", "<array><data></data></array>") + member("empty", "<string></string>")
                + "</struct>");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("i", 7);
        expected.put("i4", -3);
        expected.put("i8", 9_000_000_000L);
        expected.put("d", 1.5);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("s", " a & b ");
        expected.put("u", "untyped");
        expected.put("b64", "aGVsbG8=");
        expected.put("dt", "20261121T19:14:41");
        expected.put("n", null);
        expected.put("a", List.of(1, "x"));
        expected.put("e", List.of());
        expected.put("empty", "");
        assertThat(value).isInstanceOf(LinkedHashMap.class).isEqualTo(expected);
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.copyOf(expected.keySet()));
    }

    @Test
    void decodesNestedStructsWithUntypedMembers() {
        Object value = value("<array><data><value><struct>" + member("inner", "<struct>" + member("x", "plain") + "</struct>")
                + member("y", "<int>2</int>") + "</struct></value></data></array>");
        assertThat(value).isEqualTo(List.of(Map.of("inner", Map.of("x", "plain"), "y", 2)));
    }

    @Test
    void decodesPythonSpecialFloats() {
        assertThat(value("<double>inf</double>")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(value("<double>-inf</double>")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) value("<double>nan</double>")).isNaN();
    }

    @Test
    void decodesFaults() {
        XmlRpcResponse response = read(("<?xml version=\"1.0\"?><methodResponse><fault><value><struct>"
                + member("faultCode", "<int>2</int>") + member("faultString", "<string>nope</string>")
                + "</struct></value></fault></methodResponse>"));
        assertThat(response).isEqualTo(new XmlRpcResponse.Fault(2, "nope"));
    }

    @Test
    void decodesTheLargeRecordingCompletely() {
        List<?> rows = (List<?>) success(Recordings.bytes("large/product-search_read-all.response.xml"));
        assertThat(rows).hasSize(5047);
        List<Object> keys = List.copyOf(((Map<?, ?>) rows.get(5046)).keySet());
        assertThat(keys).contains("id", "name", "default_code", "list_price", "categ_id", "barcode", "active", "write_date");
    }

    @Test
    void decodesHundredsOfThousandsOfEscapedCharacters() {
        // JDK 24+ default entity limits (100,000) break the stock parser on bodies like this
        String escaped = "&amp;&lt;&gt;&quot;&#233;".repeat(120_000);
        String expected = "&<>\"\u00e9".repeat(120_000);
        Object value = value("<array><data><value><string>" + escaped + "</string></value>"
                + "<value><string>" + escaped + "</string></value></data></array>");
        assertThat(value).isEqualTo(List.of(expected, expected));
    }

    @Test
    void rejectsExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<methodResponse><params><param><value><string>&xxe;</string></value></param></params></methodResponse>";
        assertMalformed(xxe, "DOCTYPE");
    }

    @Test
    void rejectsBillionLaughs() {
        StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>\n<methodResponse><params><param><value><string>&lol9;</string></value></param></params></methodResponse>");
        assertMalformed(doctype.toString(), "DOCTYPE");
    }

    @Test
    void neverInstantiatesSerializedObjects() {
        DeserializationMarker.DESERIALIZED.set(false);
        assertMalformed(DeserializationMarker.serializableValue(), "ex:serializable");
        assertThat(read(DeserializationMarker.faultWithCause())).isInstanceOf(XmlRpcResponse.Fault.class);
        assertThat(DeserializationMarker.DESERIALIZED).isFalse();
    }

    @Test
    void rejectsBodiesThatAreNotXmlRpc() {
        assertMalformed("<html><body>502 Bad Gateway</body></html>", "element <html>");
        assertMalformed("not xml at all", "line 1");
        assertMalformed("<?xml version=\"1.0\"?><methodResponse><params><param><value><int>12",
                "line 1");
        assertMalformed("<methodResponse><params><param><value><int>x1</int></value></param></params></methodResponse>",
                "no valid number");
        assertMalformed("<methodResponse><params><param><value><boolean>2</boolean></value></param></params></methodResponse>",
                "0 or 1");
        assertMalformed("<methodResponse><params></params></methodResponse>", "no <params>");
        assertMalformed("<methodResponse><fault><value><string>x</string></value></fault></methodResponse>", "faultCode");
        assertMalformed("<methodResponse><params><param><value><i2>1</i2></value></param></params></methodResponse>",
                "unsupported element <i2>");
    }

    @Test
    void readsTheXmlThatServersMayWrite() {
        assertThat(value("<string>a<!-- note --><![CDATA[<b>&amp;]]>&#x1F600;&#233;\u20ac</string>"))
                .isEqualTo("a<b>&amp;\ud83d\ude00\u00e9\u20ac");
        assertThat(value("<string>one\r\ntwo\rthree</string>")).isEqualTo("one\ntwo\nthree");
        assertThat(value("\n  <int >5</int >\n")).isEqualTo(5);
        assertThat(value("<struct>\n<!-- c --><?pi x?><member><name>a</name><value/></member></struct>"))
                .isEqualTo(Map.of("a", ""));
        assertThat(value("<array><data/></array>")).isEqualTo(List.of());
        assertThat(read("\ufeff<?xml version='1.0' encoding='UTF-8'?><methodResponse xmlns:ex='x'><params><param>"
                + "<value><i8>-9223372036854775808</i8></value></param></params></methodResponse>"))
                .isEqualTo(new XmlRpcResponse.Success(Long.MIN_VALUE));
        assertThat(value("<double>-0.5</double>")).isEqualTo(-0.5);
        assertThat(value("<double>1e+16</double>")).isEqualTo(1e16);
        assertThat(value("<double>0.1234567890123456789</double>")).isEqualTo(0.1234567890123456789);
    }

    @Test
    void rejectsBrokenXml() {
        assertMalformed(wrap("<string>x</int>"), "</string> expected");
        assertMalformed(wrap("<int>1</int><int>2</int>"), "unexpected element <int> inside <value>");
        assertMalformed(wrap("<string>&foo;</string>"), "undeclared entity");
        assertMalformed(wrap("<string>&#0;</string>"), "invalid character reference");
        assertMalformed(wrap("<string>\u0001</string>"), "illegal character");
        assertMalformed(wrap("<string attr=x>a</string>"), "quotes");
        assertMalformed(wrap("<int>1</int>") + "<x/>", "after the end of the document");
        assertMalformed("<?xml version='1.0' encoding='ISO-8859-1'?>" + wrap("<int>1</int>"), "encoding");
        assertMalformed(wrap("<array><data><value>".repeat(200) + "</value></data></array>".repeat(200)),
                "nested deeper than " + XmlRpcBodyParser.MAX_DEPTH);
        byte[] badUtf8 = wrap("<string>\u00e9</string>").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < badUtf8.length; i++) {
            if (badUtf8[i] == (byte) 0xC3) {
                badUtf8[i + 1] = 'x';
            }
        }
        OdooTransportException e = catchThrowableOfType(OdooTransportException.class, () -> read(badUtf8));
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains("UTF-8");
    }

    private static String wrap(String inner) {
        return "<methodResponse><params><param><value>" + inner + "</value></param></params></methodResponse>";
    }

    private void assertMalformed(String body, String messagePart) {
        OdooTransportException e = catchThrowableOfType(OdooTransportException.class, () -> read(body));
        assertThat(e).as("body %s", body.length() > 80 ? body.substring(0, 80) : body).isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains(messagePart);
    }

    private Object value(String inner) {
        return success(("<?xml version=\"1.0\"?>\n<methodResponse><params><param><value>" + inner
                + "</value></param></params></methodResponse>\n").getBytes(StandardCharsets.UTF_8));
    }

    private Object success(byte[] body) {
        XmlRpcResponse response = read(body);
        assertThat(response).isInstanceOf(XmlRpcResponse.Success.class);
        return ((XmlRpcResponse.Success) response).value();
    }

    private XmlRpcResponse read(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    private XmlRpcResponse read(byte[] body) {
        try {
            return reader.read(new ByteArrayInputStream(Arrays.copyOf(body, body.length)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String member(String name, String typedValue) {
        return "<member><name>" + name + "</name><value>" + typedValue + "</value></member>";
    }
}
