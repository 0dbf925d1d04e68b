package dev.odoobridge.testkit.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class Ean13Test {

    @Test
    void checkDigitOfKnownBarcodes() {
        assertThat(Ean13.checkDigit("400638133393")).isEqualTo(1);
        assertThat(Ean13.checkDigit("590123412345")).isEqualTo(7);
    }

    @Test
    void barcodesAreUniqueAcrossAMillionProducts() {
        Ean13 ean = new Ean13(123);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            assertThat(seen.add(ean.barcode(i))).isTrue();
        }
    }

    @Property
    void everyBarcodeIsAValidInStoreEan13(@ForAll long seed, @ForAll @LongRange(max = 9_999_999_998L) long index) {
        String code = new Ean13(seed).barcode(index);
        assertThat(code).hasSize(13).containsOnlyDigits().startsWith("2");
        assertThat(code.charAt(12) - '0').isEqualTo(Ean13.checkDigit(code));
    }
}
