package dev.odoobridge.testkit.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class XmlRpcCodecTest {
    private final XmlRpcReader reader = new XmlRpcReader();

    private XmlRpcReader.MethodCall parse(String xml) throws Exception {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEveryScalarAndContainerType() throws Exception {
        XmlRpcReader.MethodCall call = parse("<?xml version='1.0'?><methodCall><methodName>m</methodName><params>"
                + "<param><value><int>7</int></value></param><param><value><i8>9000000000</i8></value></param>"
                + "<param><value><boolean>1</boolean></value></param><param><value>untyped</value></param>"
                + "<param><value><double>2.5</double></value></param><param><value><nil/></value></param>"
                + "<param><value><struct><member><name>a</name><value><array><data><value><string>x</string></value>"
                + "</data></array></value></member></struct></value></param></params></methodCall>");
        assertThat(call.methodName()).isEqualTo("m");
        assertThat(call.params()).containsExactly(7, 9_000_000_000L, true, "untyped", 2.5, null, Map.of("a", List.of("x")));
    }

    @Test
    void refusesDoctypesAndGarbage() {
        assertThatThrownBy(() -> parse("<!DOCTYPE m [<!ENTITY a \"b\">]><methodCall><methodName>&a;</methodName></methodCall>"))
                .isInstanceOf(XmlRpcReader.MalformedCallException.class);
        assertThatThrownBy(() -> parse("<methodCall><methodName>x</methodName><params><param><value><int>1"))
                .isInstanceOf(XmlRpcReader.MalformedCallException.class);
        assertThatThrownBy(() -> parse("<methodCall><params></params></methodCall>"))
                .isInstanceOf(XmlRpcReader.MalformedCallException.class);
    }

    @Test
    void writesLikePythonsMarshaller() {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", 1);
        rec.put("partner_id", List.of(11, "Ready Mat"));
        rec.put("note", false);
        rec.put("amount", 1740.0);
        assertThat(XmlRpcWriter.response(List.of(rec))).isEqualTo("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n"
                + "<value><array><data>\n<value><struct>\n<member>\n<name>id</name>\n<value><int>1</int></value>\n</member>\n"
                + "<member>\n<name>partner_id</name>\n<value><array><data>\n<value><int>11</int></value>\n"
                + "<value><string>Ready Mat</string></value>\n</data></array></value>\n</member>\n"
                + "<member>\n<name>note</name>\n<value><boolean>0</boolean></value>\n</member>\n"
                + "<member>\n<name>amount</name>\n<value><double>1740.0</double></value>\n</member>\n</struct></value>\n"
                + "</data></array></value>\n</param>\n</params>\n\n</methodResponse>\n");
    }

    @Test
    void noneAnywhereCannotBeMarshalled() {
        assertThatThrownBy(() -> XmlRpcWriter.response(Arrays.asList(1, null)))
                .isInstanceOf(XmlRpcWriter.NoneNotAllowedException.class)
                .hasMessage("cannot marshal None unless allow_none is enabled");
    }

    @Test
    void floatsFollowPythonRepr() {
        assertThat(PythonRepr.floatRepr(14.0)).isEqualTo("14.0");
        assertThat(PythonRepr.floatRepr(1e7)).isEqualTo("10000000.0");
        assertThat(PythonRepr.floatRepr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonRepr.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(PythonRepr.floatRepr(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PythonRepr.floatRepr(-123.0)).isEqualTo("-123.0");
        assertThat(PythonRepr.stringRepr("no_such_field")).isEqualTo("'no_such_field'");
        assertThat(PythonRepr.stringRepr("it's")).isEqualTo("\"it's\"");
    }

    @Property(tries = 300)
    void writtenStringsReadBack(@ForAll String text) throws Exception {
        String clean = text.codePoints().filter(c -> c == '\t' || c == '\n' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String response = XmlRpcWriter.response(List.of(clean, Map.of("k", clean)));
        String call = response.replace("<methodResponse>", "<methodCall><methodName>r</methodName>")
                .replace("</methodResponse>", "</methodCall>");
        assertThat(parse(call).params()).containsExactly(List.of(clean, Map.of("k", clean)));
    }

    @Property(tries = 300)
    void floatReprRoundTrips(@ForAll double d) {
        if (Double.isFinite(d)) {
            assertThat(Double.parseDouble(PythonRepr.floatRepr(d))).isEqualTo(d);
        }
    }
}
