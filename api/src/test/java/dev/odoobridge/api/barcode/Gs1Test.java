package dev.odoobridge.api.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Gs1Test {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final char GS = Gs1.GS;

    @Test
    void gtinExpiryAndLotWithSymbologyIdentifier() {
        Gs1.Data d = Gs1.parse("]C1" + "0109501101020917" + "17190508" + "10ABC123").orElseThrow();
        assertThat(d.gtin()).hasValue("09501101020917");
        assertThat(d.expiry(TODAY)).hasValue(LocalDate.of(2019, 5, 8));
        assertThat(d.lot()).hasValue("ABC123");
    }

    @Test
    void fnc1EndsAVariableLengthLot() {
        Gs1.Data d = Gs1.parse("0109501101020917" + "10LOT-7" + GS + "17270100" + "21SER9").orElseThrow();
        assertThat(d.lot()).hasValue("LOT-7");
        assertThat(d.expiry(TODAY)).as("day 00 is the month's last day").hasValue(LocalDate.of(2027, 1, 31));
        assertThat(d.serial()).hasValue("SER9");
        assertThat(d.elements()).containsKeys("01", "10", "17", "21");
    }

    @Test
    void leadingFnc1AndHumanReadableForm() {
        assertThat(Gs1.parse(GS + "0109501101020917" + "10X1").orElseThrow().lot()).hasValue("X1");
        Gs1.Data d = Gs1.parse("(01)09501101020917(17)280229(10)L 1").orElseThrow();
        assertThat(d.expiry(TODAY)).hasValue(LocalDate.of(2028, 2, 29));
        assertThat(d.lot()).hasValue("L 1");
    }

    @Test
    void netWeightAndPrice() {
        Gs1.Data d = Gs1.parse("0109501101020917" + "3103001250" + "3922" + "1999").orElseThrow();
        assertThat(d.netWeightKg()).hasValue(1.25);
        assertThat(d.price()).hasValue(19.99);
    }

    @Test
    void malformedCodesAreRefused() {
        assertThat(Gs1.parse("0109501101020918" + "10ABC")).as("wrong GTIN check digit").isEmpty();
        assertThat(Gs1.parse("010950110102091")).as("GTIN too short").isEmpty();
        assertThat(Gs1.parse("0109501101020917" + "99ABC")).as("unknown AI").isEmpty();
        assertThat(Gs1.parse("0109501101020917" + "17191308")).as("month 13").isEmpty();
        assertThat(Gs1.parse("10" + "A".repeat(21))).as("lot longer than 20").isEmpty();
        assertThat(Gs1.parse("")).isEmpty();
    }

    @Test
    void centuryFollowsTheFiftyYearWindow() {
        assertThat(Gs1.date("760101", TODAY)).hasYear(2076);
        assertThat(Gs1.date("770101", TODAY)).hasYear(1977);
        assertThat(Gs1.date("991231", TODAY)).hasYear(1999);
    }

    @Test
    void recognisesGs1Shapes() {
        assertThat(Gs1.looksLikeGs1("]C10109501101020917")).isTrue();
        assertThat(Gs1.looksLikeGs1("(01)09501101020917")).isTrue();
        assertThat(Gs1.looksLikeGs1("0109501101020917" + "10A")).isTrue();
        assertThat(Gs1.looksLikeGs1("4006381333931")).isFalse();
    }
}
