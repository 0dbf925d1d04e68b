package dev.odoobridge.testkit.internal.data;

/**
 * Unique EAN-13 barcodes in the in-store range (prefix 20-29): the product index is scrambled by
 * a multiplication that is a bijection modulo 10^10, so codes look random but never collide.
 */
final class Ean13 {

    private static final long MODULUS = 10_000_000_000L;

    private final int prefix;
    private final long multiplier;

    Ean13(long seed) {
        this.prefix = 20 + (int) Math.floorMod(seed, 10L);
        long m = Math.floorMod(seed * 0x9E3779B97F4A7C15L, MODULUS) | 1L;
        if (m % 5 == 0) {
            m += 2;
        }
        this.multiplier = m;
    }

    /** The barcode of the product with the given zero-based index (index below 10^10). */
    String barcode(long index) {
        long body = mulMod(index + 1, multiplier);
        char[] digits = new char[13];
        digits[0] = (char) ('0' + prefix / 10);
        digits[1] = (char) ('0' + prefix % 10);
        for (int i = 11; i >= 2; i--) {
            digits[i] = (char) ('0' + body % 10);
            body /= 10;
        }
        digits[12] = (char) ('0' + checkDigit(digits));
        return new String(digits);
    }

    /** The EAN-13 check digit of the first twelve digits. */
    static int checkDigit(CharSequence twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = twelve.charAt(i) - '0';
            sum += (i % 2 == 0) ? d : 3 * d;
        }
        return (10 - sum % 10) % 10;
    }

    private static int checkDigit(char[] digits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = digits[i] - '0';
            sum += (i % 2 == 0) ? d : 3 * d;
        }
        return (10 - sum % 10) % 10;
    }

    private static long mulMod(long a, long b) {
        // a, b < 10^10 + 1; split b to stay inside 63 bits.
        long hi = b / 100_000L;
        long lo = b % 100_000L;
        long r = Math.floorMod(Math.floorMod(a * hi, MODULUS) * 100_000L, MODULUS);
        return Math.floorMod(r + a * lo, MODULUS);
    }
}
