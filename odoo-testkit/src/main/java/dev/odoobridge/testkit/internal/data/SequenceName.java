package dev.odoobridge.testkit.internal.data;

/** Odoo-style sequence names such as {@code S00042} or {@code WH1/OUT/00007}, built without formatting. */
final class SequenceName {

    private SequenceName() {
    }

    /** {@code prefix} followed by {@code number} left-padded with zeros to {@code width} digits. */
    static String of(String prefix, long number, int width) {
        String digits = Long.toString(number);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
        sb.append(prefix);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
