package dev.odoobridge.api.barcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void knownCodesOfEveryLengthAreValid() {
        assertThat(Gtin.isValid("4006381333931")).as("EAN-13").isTrue();
        assertThat(Gtin.isValid("036000291452")).as("UPC-A").isTrue();
        assertThat(Gtin.isValid("96385074")).as("EAN-8").isTrue();
        assertThat(Gtin.isValid("09501101020917")).as("GTIN-14").isTrue();
    }

    @Test
    void wrongCheckDigitsAndShapesAreRefused() {
        assertThat(Gtin.isValid("4006381333932")).isFalse();
        assertThat(Gtin.isValid("036000291453")).isFalse();
        assertThat(Gtin.isValid("96385075")).isFalse();
        assertThat(Gtin.isValid("400638133393")).as("12 digits, wrong check").isFalse();
        assertThat(Gtin.isValid("40063813339311")).isFalse();
        assertThat(Gtin.isValid("400638133393A")).isFalse();
        assertThat(Gtin.isValid("1234567")).isFalse();
        assertThat(Gtin.isValid(null)).isFalse();
        assertThat(Gtin.hasGtinShape("4006381333932")).isTrue();
        assertThatThrownBy(() -> Gtin.checkDigit("12a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equivalentFormsOfOneItem() {
        assertThat(Gtin.equivalents("036000291452"))
                .containsExactly("036000291452", "00036000291452", "0036000291452");
        assertThat(Gtin.equivalents("0036000291452"))
                .containsExactly("0036000291452", "00036000291452", "036000291452");
        assertThat(Gtin.equivalents("96385074")).containsExactly("96385074", "00000096385074", "0000096385074",
                "000096385074");
        assertThat(Gtin.equivalents("4006381333932")).isEmpty();
    }

    @Test
    void openFoodFactsUsesEightOrThirteenDigits() {
        assertThat(Gtin.openFoodFactsForm("036000291452")).hasValue("0036000291452");
        assertThat(Gtin.openFoodFactsForm("96385074")).hasValue("96385074");
        assertThat(Gtin.openFoodFactsForm("04006381333931")).hasValue("4006381333931");
        assertThat(Gtin.openFoodFactsForm("19501101020914")).as("case indicator").isEmpty();
    }

    @Property
    void completingABodyAlwaysGivesAValidCodeAndOneWrongDigitIsCaught(
            @ForAll @NumericChars @StringLength(min = 12, max = 12) String body, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String code = Gtin.withCheckDigit(body);
        assertThat(Gtin.isValid(code)).isTrue();
        char last = code.charAt(12);
        String wrong = code.substring(0, 12) + (char) ('0' + (last - '0' + delta) % 10);
        assertThat(Gtin.isValid(wrong)).isFalse();
    }
}
