package dev.odoobridge.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.value.Ref;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ResultDecoderTest {

    private static void malformed(ThrowingCallable call, String... messageParts) {
        assertThatThrownBy(call).isExactlyInstanceOf(OdooTransportException.class)
                .hasMessageContaining("expected")
                .hasMessageContainingAll(messageParts)
                .satisfies(e -> assertThat(((OdooTransportException) e).kind())
                        .isEqualTo(OdooTransportException.Kind.MALFORMED_RESPONSE))
                .satisfies(e -> assertThat(((OdooTransportException) e).isRetryable()).isFalse());
    }

    @Test
    void decodesTheShapesOdooSends() {
        assertThat(ResultDecoder.list(List.of(1, "a"))).containsExactly(1, "a");
        assertThat(ResultDecoder.list(new Object[] {1, null})).containsExactly(1, null);
        assertThat(ResultDecoder.map(Map.of("a", 1))).containsEntry("a", 1);
        assertThat(ResultDecoder.number(41)).isEqualTo(41);
        assertThat(ResultDecoder.truth(Boolean.TRUE)).isTrue();
        assertThat(ResultDecoder.ids(List.of(1, 2L, 3.0))).containsExactly(1L, 2L, 3L);
        assertThat(ResultDecoder.ids(47)).containsExactly(47L);
        List<OdooRecord> rows = ResultDecoder.records(List.of(Map.of("id", 5, "name", "Chair")));
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(5));
        assertThat(ResultDecoder.refs(List.of(List.of(3, "Azure Interior"))))
                .containsExactly(new Ref(3, "Azure Interior"));
    }

    @Test
    void aScalarWhereAListIsExpected() {
        malformed(() -> ResultDecoder.list("oops"), "a list", "String", "oops");
        malformed(() -> ResultDecoder.list(null), "a list", "null");
        malformed(() -> ResultDecoder.records(Map.of("id", 1)), "a list");
    }

    @Test
    void aListWhereAStructIsExpected() {
        malformed(() -> ResultDecoder.map(List.of(1)), "a struct", "List");
        malformed(() -> ResultDecoder.records(List.of(Map.of("id", 1), List.of(2))), "a struct");
        malformed(() -> ResultDecoder.records(Arrays.asList(Map.of("id", 1), null)), "a struct", "null");
        Map<Object, Object> numericKeys = new LinkedHashMap<>();
        numericKeys.put(1, "x");
        malformed(() -> ResultDecoder.map(numericKeys), "text keys");
    }

    @Test
    void wrongScalars() {
        malformed(() -> ResultDecoder.number("41"), "a number", "String");
        malformed(() -> ResultDecoder.number(Boolean.FALSE), "a number", "Boolean");
        malformed(() -> ResultDecoder.truth(1), "a boolean", "Integer");
        malformed(() -> ResultDecoder.truth(null), "a boolean", "null");
    }

    @Test
    void idsMustBeWholePositiveNumbers() {
        malformed(() -> ResultDecoder.ids(List.of(1, "2")), "record id", "String");
        malformed(() -> ResultDecoder.ids(List.of(1.5)), "record id", "Double");
        malformed(() -> ResultDecoder.ids(List.of(0)), "record id");
        malformed(() -> ResultDecoder.ids(-3), "record id");
        malformed(() -> ResultDecoder.ids(Boolean.FALSE), "a list", "Boolean");
        malformed(() -> ResultDecoder.ids(List.of(Double.NaN)), "record id");
    }

    @Test
    void nameSearchPairs() {
        malformed(() -> ResultDecoder.refs(List.of(List.of(3))), "[id, \"name\"] pair");
        malformed(() -> ResultDecoder.refs(List.of(List.of("3", "x"))), "record id");
        malformed(() -> ResultDecoder.refs(List.of(Map.of("id", 3))), "pair");
        malformed(() -> ResultDecoder.refs(List.of(List.of(3, Boolean.FALSE))), "pair");
    }

    @Test
    void longValuesAreShortenedInTheMessage() {
        String big = "x".repeat(10_000);
        assertThatThrownBy(() -> ResultDecoder.number(big)).hasMessageContaining("...")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }
}
