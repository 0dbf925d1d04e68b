package dev.odoobridge.api.internal;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Compact JSON written into a growable byte array exactly as Jackson's default UTF-8 generator writes it: in strings
 * and names {@code "}, {@code \} and the control characters below U+0020 are escaped ({@code \b \t \n \f \r}, the
 * others as {@code \}{@code u00} and two hexadecimal digits), each UTF-16 surrogate (so every character beyond the
 * Basic Multilingual Plane) as {@code \}{@code u} and the four hexadecimal digits of its code unit, the digits in upper
 * case; everything else (including {@code /}, U+007F and U+2028) as raw UTF-8; doubles as
 * {@link Double#toString(double)}, quoted when not finite.
 */
final class JsonOutput {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Per ASCII character: 0 when written as is, else the letter after the backslash ({@code u} for the long form). */
    private static final byte[] ESCAPES = new byte[128];
    /** Source bytes transcoded per capacity check: each may become at most 6 output bytes. */
    private static final int CHUNK = 1024;

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private byte[] bytes;
    private int size;

    JsonOutput(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    /** The bytes written so far (the array is shared: valid up to {@link #size()}). */
    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** Forgets what was written, keeping the array. */
    void clear() {
        size = 0;
    }

    /** An output stream appending here (closing it does nothing), for what a Jackson generator writes. */
    OutputStream stream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                raw((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ensure(len);
                System.arraycopy(b, off, bytes, size, len);
                size += len;
            }
        };
    }

    private void ensure(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    void raw(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    /** Characters written as bytes without escaping (for numbers and literals: ASCII only). */
    void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
    }

    void number(long v) {
        if (v == Long.MIN_VALUE) {
            ascii("-9223372036854775808");
            return;
        }
        ensure(20);
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long p = 10; digits < 19 && v >= p; p *= 10) {
            digits++;
        }
        int end = size + digits;
        int i = end - 1;
        for (; v > Integer.MAX_VALUE; i--) {
            bytes[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        for (int w = (int) v; i >= size; i--) { // the last digits in int arithmetic, cheaper
            bytes[i] = (byte) ('0' + w % 10);
            w /= 10;
        }
        size = end;
    }

    void number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            raw((byte) '"');
            ascii(Double.toString(d));
            raw((byte) '"');
        } else {
            ascii(Double.toString(d));
        }
    }

    /** A quoted JSON string of a Java string. */
    void string(String s) {
        raw((byte) '"');
        int n = s.length();
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            ensure((to - from) * 6);
            byte[] out = bytes;
            int o = size;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    o = ascii(out, o, c);
                } else if (c < 0x800) {
                    out[o++] = (byte) (0xC0 | (c >> 6));
                    out[o++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    o = unicodeEscape(out, o, c);
                } else {
                    out[o++] = (byte) (0xE0 | (c >> 12));
                    out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[o++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            size = o;
        }
        raw((byte) '"');
    }

    /**
     * A quoted JSON string of UTF-8 bytes, as Jackson writes the string Java decodes from them: well-formed UTF-8 is
     * copied (characters beyond the BMP escaped); bytes that are not are decoded as Java decodes them (each
     * ill-formed sequence replaced by U+FFFD) and that string written.
     */
    void utf8String(byte[] src, int off, int len) {
        // the common case first: printable ASCII needing no escape, copied as is
        ensure(len + 2);
        byte[] out = bytes;
        int start = size;
        int o = start;
        out[o++] = '"';
        int end = off + len;
        int i = off;
        for (; i < end; i++) {
            byte b = src[i];
            if (b < 0x20 || b == '"' || b == '\\') { // negative: not ASCII
                break;
            }
            out[o++] = b;
        }
        size = o;
        if (i < end && !escaped(src, i, end)) {
            size = start;
            string(new String(src, off, len, StandardCharsets.UTF_8));
            return;
        }
        raw((byte) '"');
    }

    /**
     * Writes {@code src[i, end)} escaped, as Jackson writes the characters Java decodes from it; false (with part
     * written) when the bytes are not well-formed UTF-8.
     */
    private boolean escaped(byte[] src, int i, int end) {
        while (i < end) {
            int chunkEnd = Math.min(end, i + CHUNK);
            ensure((chunkEnd - i + 3) * 6);
            byte[] out = bytes;
            int o = size;
            while (i < chunkEnd) {
                int b = src[i];
                if (b >= 0) {
                    o = ascii(out, o, b);
                    i++;
                    continue;
                }
                int n = sequenceLength(src, i, end);
                if (n == 0) {
                    return false;
                }
                if (n == 4) {
                    int cp = ((b & 0x07) << 18) | ((src[i + 1] & 0x3F) << 12) | ((src[i + 2] & 0x3F) << 6) | (src[i + 3] & 0x3F);
                    o = unicodeEscape(out, o, Character.highSurrogate(cp));
                    o = unicodeEscape(out, o, Character.lowSurrogate(cp));
                } else {
                    out[o++] = (byte) b;
                    out[o++] = src[i + 1];
                    if (n == 3) {
                        out[o++] = src[i + 2];
                    }
                }
                i += n;
            }
            size = o;
        }
        return true;
    }

    private static int ascii(byte[] out, int o, int c) {
        byte e = ESCAPES[c];
        if (e == 0) {
            out[o++] = (byte) c;
        } else if (e == 'u') {
            out[o++] = '\\';
            out[o++] = 'u';
            out[o++] = '0';
            out[o++] = '0';
            out[o++] = HEX[c >> 4];
            out[o++] = HEX[c & 0xF];
        } else {
            out[o++] = '\\';
            out[o++] = e;
        }
        return o;
    }

    private static int unicodeEscape(byte[] out, int o, char c) {
        out[o++] = '\\';
        out[o++] = 'u';
        out[o++] = HEX[c >> 12];
        out[o++] = HEX[(c >> 8) & 0xF];
        out[o++] = HEX[(c >> 4) & 0xF];
        out[o++] = HEX[c & 0xF];
        return o;
    }

    /**
     * The length (2 to 4) of the well-formed UTF-8 sequence of a non-ASCII character at {@code i}, or 0 when the bytes
     * there are not one (Unicode's table of well-formed byte sequences: no overlong forms, surrogates or code points
     * beyond U+10FFFF).
     */
    private static int sequenceLength(byte[] s, int i, int end) {
        int b = s[i] & 0xFF;
        if (b >= 0xC2 && b <= 0xDF) {
            return i + 1 < end && continuation(s[i + 1]) ? 2 : 0;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            if (i + 2 >= end) {
                return 0;
            }
            int b1 = s[i + 1] & 0xFF;
            int lo = b == 0xE0 ? 0xA0 : 0x80;
            int hi = b == 0xED ? 0x9F : 0xBF;
            return b1 >= lo && b1 <= hi && continuation(s[i + 2]) ? 3 : 0;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            if (i + 3 >= end) {
                return 0;
            }
            int b1 = s[i + 1] & 0xFF;
            int lo = b == 0xF0 ? 0x90 : 0x80;
            int hi = b == 0xF4 ? 0x8F : 0xBF;
            return b1 >= lo && b1 <= hi && continuation(s[i + 2]) && continuation(s[i + 3]) ? 4 : 0;
        }
        return 0;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
