package dev.odoobridge.api.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Odoo's default nomenclature, with the point of sale's own test barcodes. */
class NomenclatureTest {
    private final Nomenclature odoo = Nomenclature.odooDefault();

    @Test
    void priceEmbeddedInEan13() {
        Nomenclature.Match m = odoo.parse("2301000123453").orElseThrow();
        assertThat(m.type()).isEqualTo("price");
        assertThat(m.value()).isEqualTo(123.45);
        assertThat(m.baseCode()).isEqualTo("2301000000006");
        assertThat(odoo.parse("2301000000006").orElseThrow().value()).isZero();
    }

    @Test
    void weightWithThreeDecimals() {
        String code = Gtin.withCheckDigit("210000201234");
        Nomenclature.Match m = odoo.parse(code).orElseThrow();
        assertThat(m.type()).isEqualTo("weight");
        assertThat(m.value()).isEqualTo(1.234);
        assertThat(m.baseCode()).isEqualTo(Gtin.withCheckDigit("210000200000"));
    }

    @Test
    void discountOnAnyEncoding() {
        Nomenclature.Match m = odoo.parse("2215").orElseThrow();
        assertThat(m.type()).isEqualTo("discount");
        assertThat(m.value()).isEqualTo(15);
    }

    @Test
    void wrongCheckDigitFallsThroughToTheProductRule() {
        Nomenclature.Match m = odoo.parse("2301000123454").orElseThrow();
        assertThat(m.type()).as("not EAN-13, so the price rule does not apply").isEqualTo("product");
        assertThat(m.baseCode()).isEqualTo("2301000123454");
    }

    @Test
    void plainProductsAndCustomers() {
        assertThat(odoo.parse("4006381333931").orElseThrow().type()).isEqualTo("product");
        assertThat(odoo.parse("0421234").orElseThrow().type()).isEqualTo("client");
    }

    @Test
    void firstMatchingRuleBySequenceWins() {
        Nomenclature n = new Nomenclature(List.of(
                BarcodeRule.of("catch-all", 90, "product", "any", ".*"),
                BarcodeRule.of("late weight", 95, "weight", "ean13", "23.....{NNDDD}"),
                BarcodeRule.of("price", 10, "price", "ean13", "23.....{NNNDD}")));
        assertThat(n.parse("2301000123453").orElseThrow().type()).isEqualTo("price");
        Nomenclature productFirst = new Nomenclature(List.of(BarcodeRule.of("catch-all", 1, "product", "any", ".*"),
                BarcodeRule.of("price", 10, "price", "ean13", "23.....{NNNDD}")));
        assertThat(productFirst.parse("2301000123453").orElseThrow().type()).isEqualTo("product");
    }

    @Test
    void upcANeverMatchesAnEan13RuleAsInOdoo() {
        Nomenclature n = new Nomenclature(List.of(BarcodeRule.of("ean", 1, "weight", "ean13", "0.......{NNDDD}"),
                BarcodeRule.of("catch-all", 90, "product", "any", ".*")));
        assertThat(n.parse("036000291452").orElseThrow().type()).isEqualTo("product");
        assertThat(n.parse("0036000291452").orElseThrow().type()).isEqualTo("weight");
    }

    @Test
    void aliasesAreFollowed() {
        Nomenclature n = new Nomenclature(List.of(new BarcodeRule("alias", 1, "alias", "any", "OLD1", "4006381333931"),
                BarcodeRule.of("catch-all", 90, "product", "any", ".*")));
        Nomenclature.Match m = n.parse("OLD1").orElseThrow();
        assertThat(m.type()).isEqualTo("product");
        assertThat(m.code()).isEqualTo("4006381333931");
    }
}
