package dev.odoobridge.api.barcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GS1 Global Trade Item Numbers: GTIN-8 (EAN-8), GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14, all
 * ending in a mod-10 check digit (weights 3 and 1 from the right, as Odoo's
 * {@code get_barcode_check_digit}). The same item may be written in several lengths with leading
 * zeros; {@link #equivalents} lists them so a lookup finds a product whichever form it was stored in.
 */
public final class Gtin {
    private Gtin() {
    }

    /** Whether the code is all digits and 8, 12, 13 or 14 long (a GTIN length), whatever its check digit. */
    public static boolean hasGtinShape(String code) {
        if (code == null) {
            return false;
        }
        int n = code.length();
        return (n == 8 || n == 12 || n == 13 || n == 14) && allDigits(code);
    }

    /** Whether the code has a GTIN shape and a correct check digit. */
    public static boolean isValid(String code) {
        return hasGtinShape(code) && checkDigit(code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1) - '0';
    }

    /**
     * The check digit completing {@code body} (the code without its last digit).
     *
     * @throws IllegalArgumentException when the body is empty or not all digits
     */
    public static int checkDigit(String body) {
        if (body == null || body.isEmpty() || !allDigits(body)) {
            throw new IllegalArgumentException("a GTIN body is digits only: " + body);
        }
        int sum = 0;
        boolean three = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            sum += three ? 3 * d : d;
            three = !three;
        }
        return (10 - sum % 10) % 10;
    }

    /** The code completed with its check digit. */
    public static String withCheckDigit(String body) {
        return body + checkDigit(body);
    }

    /**
     * Every GTIN length the same item can be written in (the code itself first): a valid GTIN padded
     * to 14 digits, then stripped of leading zeros to 13, 12 and 8 digits where those are zeros.
     * Empty for a code that is not a valid GTIN.
     */
    public static List<String> equivalents(String code) {
        if (!isValid(code)) {
            return List.of();
        }
        String g14 = "0".repeat(14 - code.length()) + code;
        List<String> out = new ArrayList<>();
        out.add(code);
        for (int len : new int[] {14, 13, 12, 8}) {
            String lead = g14.substring(0, 14 - len);
            if (lead.chars().allMatch(c -> c == '0')) {
                String form = g14.substring(14 - len);
                if (!out.contains(form)) {
                    out.add(form);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The form OpenFoodFacts indexes: EAN-8 stays 8 digits, everything else is written with 13
     * digits (UPC-A gets a leading zero, a GTIN-14 with a leading zero loses it). Empty for an
     * invalid code or a GTIN-14 with a packaging indicator (it names a case, not a product).
     */
    public static Optional<String> openFoodFactsForm(String code) {
        if (!isValid(code)) {
            return Optional.empty();
        }
        if (code.length() == 8) {
            return Optional.of(code);
        }
        String g14 = "0".repeat(14 - code.length()) + code;
        return g14.charAt(0) == '0' ? Optional.of(g14.substring(1)) : Optional.empty();
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
