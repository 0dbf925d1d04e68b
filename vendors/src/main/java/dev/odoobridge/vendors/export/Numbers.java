package dev.odoobridge.vendors.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by the export formats: plain decimals, no exponent, no locale. */
final class Numbers {
    private Numbers() {
    }

    /** A quantity with up to 3 decimals. */
    static String qty(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A rate with 2 decimals. */
    static String rate(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
