package dev.odoobridge.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueNormalizerTest {
    @Test
    void numbersCompareByValueAndPrintWithoutExponent() {
        assertThat(ValueNormalizer.normalize(-90.0)).hasToString("-90");
        assertThat(ValueNormalizer.normalize(470.0)).hasToString("470");
        assertThat(ValueNormalizer.normalize(4.5)).hasToString("4.5");
        assertThat(ValueNormalizer.normalize(new BigDecimal("1200.00"))).hasToString("1200");
        assertThat(ValueNormalizer.same(470, 470.0)).isTrue();
        assertThat(ValueNormalizer.same(-90.0, new BigDecimal("-9E+1"))).isTrue();
    }

    @Test
    void aManyToOneIsItsId() {
        assertThat(ValueNormalizer.same(List.of(7, "Tea"), Map.of("id", 7L, "name", "Tea"))).isTrue();
    }
}
