package dev.odoobridge.client.internal.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.error.OdooServerException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any fault code with any faultString, traceback-shaped or not, translates without throwing. Fixed seed. */
class XmlRpcFaultTranslatorPropertiesTest {

    @Property(tries = 1000, seed = "20261121")
    void anyFaultTranslates(@ForAll("codes") int code, @ForAll("faultStrings") String faultString) {
        OdooServerException e = XmlRpcFaultTranslator.translate("res.partner", "write", code, faultString);
        assertThat(e).isNotNull();
        assertThat(e.fault().faultCode()).isEqualTo(code);
        assertThat(e.serverMessage()).isNotNull();
        assertThat(e.isRetryable()).isFalse();
    }

    @Provide
    Arbitrary<Integer> codes() {
        return Arbitraries.oneOf(Arbitraries.of(1, 2, 3, 4), Arbitraries.integers());
    }

    @Provide
    Arbitrary<String> faultStrings() {
        Arbitrary<String> line = Arbitraries.strings().ofMaxLength(30);
        Arbitrary<String> traceback = Arbitraries.of("Traceback (most recent call last):\n", "")
                .flatMap(head -> Arbitraries.of("  File \"x.py\", line 1, in f\n    f()\n", "", "  File \"")
                        .flatMap(frame -> line.flatMap(tail -> Arbitraries.of(":", ": ", "\n", "Error: ", "")
                                .map(sep -> head + frame + tail + sep + tail))));
        return Arbitraries.oneOf(traceback, Arbitraries.strings().ofMaxLength(200), Arbitraries.just(""),
                Arbitraries.just(null), Arbitraries.strings().withChars("\n\r :.\"File").ofMaxLength(60));
    }
}
