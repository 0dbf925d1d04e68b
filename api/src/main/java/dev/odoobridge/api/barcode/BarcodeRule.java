package dev.odoobridge.api.barcode;

import java.util.Objects;

/**
 * One rule of an Odoo barcode nomenclature ({@code barcode.rule}): rules are tried by ascending
 * {@code sequence}; the first whose encoding fits and whose pattern matches a prefix of the code
 * wins. A pattern is a regular expression where {@code {NNNDD}} marks digits carrying a number
 * (N: whole part, D: decimals), read as zeros when matching.
 *
 * @param name the rule's name
 * @param sequence its rank (smaller first)
 * @param type Odoo's rule type: {@code product}, {@code weight}, {@code price}, {@code discount},
 *     {@code lot}, {@code alias}, {@code client}, ...
 * @param encoding {@code any}, {@code ean13}, {@code ean8} or {@code upca}
 * @param pattern the pattern
 * @param alias for {@code alias} rules, the code to use instead
 */
public record BarcodeRule(String name, int sequence, String type, String encoding, String pattern, String alias) {

    /** Validates. */
    public BarcodeRule {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(encoding, "encoding == null");
        Objects.requireNonNull(pattern, "pattern == null");
        if (!java.util.Set.of("any", "ean13", "ean8", "upca").contains(encoding)) {
            throw new IllegalArgumentException("unsupported encoding " + encoding + " (any, ean13, ean8, upca)");
        }
    }

    /** A rule that is not an alias. */
    public static BarcodeRule of(String name, int sequence, String type, String encoding, String pattern) {
        return new BarcodeRule(name, sequence, type, encoding, pattern, null);
    }
}
