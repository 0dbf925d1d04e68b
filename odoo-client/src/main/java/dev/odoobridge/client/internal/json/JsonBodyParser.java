package dev.odoobridge.client.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.ContentReference;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one UTF-8 JSON document (RFC 8259) straight from its bytes into the plain values of
 * {@link JsonCodec}: objects to {@link LinkedHashMap}, arrays to {@link ArrayList}, whole numbers
 * to Integer (Long when larger, Double beyond 64 bits), other numbers to Double, plus String,
 * Boolean and null. Strict like Jackson's defaults: no comments, no trailing commas, no leading
 * zeros, no raw control characters in strings, well-formed UTF-8 only; nesting at most
 * {@value #MAX_DEPTH} levels and numbers at most {@value #MAX_NUMBER_LENGTH} characters. Object
 * keys are shared per document, so each distinct key is one String whose hash is computed once.
 * One instance per document, not thread-safe; failures are {@link JsonParseException}s.
 */
final class JsonBodyParser {
    /** Deepest nesting accepted (Jackson's default stream constraint). */
    static final int MAX_DEPTH = 1000;
    /** Longest number accepted (Jackson's default stream constraint). */
    static final int MAX_NUMBER_LENGTH = 1000;

    /** Bytes that stand for themselves inside a string: printable ASCII but {@code "} and {@code \}. */
    private static final boolean[] PLAIN = new boolean[256];
    private static final int KEY_CACHE = 128;
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private final byte[] b;
    private final int end;
    private int pos;
    private int depth;
    private StringBuilder text;
    private final String[] keys = new String[KEY_CACHE];

    JsonBodyParser(byte[] body, int length) {
        this.b = body;
        this.end = length;
    }

    /** True when the body is UTF-8 (or has no telltale of UTF-16/32: a BOM or a zero byte up front). */
    static boolean isUtf8(byte[] body, int length) {
        if (length >= 2 && ((body[0] & 0xFF) == 0xFE || (body[0] & 0xFF) == 0xFF)) {
            return false;
        }
        for (int i = 0; i < Math.min(4, length); i++) {
            if (body[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** Decodes the whole document; trailing content is an error. */
    Object parse() throws JsonParseException {
        if (end >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        skipSpace();
        if (pos >= end) {
            throw fail("empty body where JSON was expected");
        }
        Object value = value();
        skipSpace();
        if (pos < end) {
            throw fail("trailing content after the JSON value");
        }
        return value;
    }

    private Object value() throws JsonParseException {
        if (pos >= end) {
            throw fail("unexpected end of the body, a value was expected");
        }
        byte c = b[pos];
        switch (c) {
            case '"':
                pos++;
                return string();
            case '{':
                return object();
            case '[':
                return array();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw fail("unexpected character " + describe(c) + ", a value was expected");
        }
    }

    private Map<String, Object> object() throws JsonParseException {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (pos < end && b[pos] == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            if (pos >= end || b[pos] != '"') {
                throw fail(pos >= end ? "unexpected end of the body in an object" : "a field name in double quotes was expected");
            }
            pos++;
            String key = key();
            skipSpace();
            if (pos >= end || b[pos] != ':') {
                throw fail("':' was expected after a field name");
            }
            pos++;
            skipSpace();
            map.put(key, value());
            skipSpace();
            if (pos >= end) {
                throw fail("unexpected end of the body in an object");
            }
            byte c = b[pos++];
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                pos--;
                throw fail("',' or '}' was expected in an object");
            }
            skipSpace();
        }
    }

    private List<Object> array() throws JsonParseException {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (pos < end && b[pos] == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (pos >= end) {
                throw fail("unexpected end of the body in an array");
            }
            byte c = b[pos++];
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                pos--;
                throw fail("',' or ']' was expected in an array");
            }
            skipSpace();
        }
    }

    private void enter() throws JsonParseException {
        if (++depth > MAX_DEPTH) {
            throw fail("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** A field name after its opening quote: plain ASCII names come from the per-document cache. */
    private String key() throws JsonParseException {
        int start = pos;
        int p = pos;
        int h = 0;
        while (p < end && PLAIN[b[p] & 0xFF]) {
            h = 31 * h + b[p];
            p++;
        }
        if (p < end && b[p] == '"') {
            pos = p + 1;
            int len = p - start;
            int slot = (h ^ (h >>> 7)) & (KEY_CACHE - 1);
            String cached = keys[slot];
            if (cached == null || !sameAscii(cached, start, len)) {
                cached = new String(b, start, len, StandardCharsets.ISO_8859_1);
                keys[slot] = cached;
            }
            return cached;
        }
        return string();
    }

    private boolean sameAscii(String s, int start, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != b[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** A string after its opening quote, through its closing quote. */
    private String string() throws JsonParseException {
        int start = pos;
        int p = pos;
        while (p < end && PLAIN[b[p] & 0xFF]) {
            p++;
        }
        if (p < end && b[p] == '"') {
            pos = p + 1;
            return p == start ? "" : new String(b, start, p - start, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = text == null ? (text = new StringBuilder(64)) : text;
        sb.setLength(0);
        for (int i = start; i < p; i++) {
            sb.append((char) b[i]);
        }
        pos = p;
        while (true) {
            if (pos >= end) {
                throw fail("unexpected end of the body in a string");
            }
            int c = b[pos] & 0xFF;
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c == '\\') {
                escape(sb);
            } else if (c < 0x20) {
                throw fail("unescaped control character " + describe((byte) c) + " in a string");
            } else if (c < 0x80) {
                sb.append((char) c);
                pos++;
            } else {
                utf8(sb, c);
            }
        }
    }

    private void escape(StringBuilder sb) throws JsonParseException {
        if (pos + 1 >= end) {
            throw fail("unexpected end of the body in a string");
        }
        byte c = b[pos + 1];
        pos += 2;
        switch (c) {
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case '/' -> sb.append('/');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                if (pos + 4 > end) {
                    throw fail("unexpected end of the body in a \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(b[pos + i], 16);
                    if (d < 0 || b[pos + i] < 0) {
                        throw fail("a \\u escape needs four hex digits");
                    }
                    v = (v << 4) | d;
                }
                pos += 4;
                sb.append((char) v);
            }
            default -> {
                pos -= 1;
                throw fail("unrecognised escape " + describe(c) + " in a string");
            }
        }
    }

    /** Appends the multi-byte UTF-8 character at {@code pos} (lead byte {@code lead}), strictly. */
    private void utf8(StringBuilder sb, int lead) throws JsonParseException {
        int len;
        int cp;
        if (lead >= 0xC2 && lead <= 0xDF) {
            len = 2;
            cp = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            len = 3;
            cp = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            len = 4;
            cp = lead & 0x07;
        } else {
            throw fail("invalid UTF-8 start byte 0x" + Integer.toHexString(lead));
        }
        if (pos + len > end) {
            throw fail("truncated UTF-8 sequence");
        }
        for (int i = 1; i < len; i++) {
            int cc = b[pos + i] & 0xFF;
            if ((cc & 0xC0) != 0x80) {
                throw fail("invalid UTF-8 middle byte 0x" + Integer.toHexString(cc));
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            throw fail("invalid UTF-8 sequence (overlong, surrogate or beyond Unicode)");
        }
        sb.appendCodePoint(cp);
        pos += len;
    }

    private Object number() throws JsonParseException {
        int start = pos;
        int p = pos;
        boolean negative = b[p] == '-';
        if (negative) {
            p++;
        }
        int intStart = p;
        long mantissa = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            mantissa = mantissa * 10 + (b[p] - '0');
            p++;
        }
        int intDigits = p - intStart;
        if (intDigits == 0) {
            pos = p;
            throw fail("a digit was expected in a number");
        }
        if (intDigits > 1 && b[intStart] == '0') {
            pos = intStart;
            throw fail("leading zeros are not allowed in a number");
        }
        int fracDigits = -1;
        if (p < end && b[p] == '.') {
            p++;
            int fracStart = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                mantissa = mantissa * 10 + (b[p] - '0');
                p++;
            }
            fracDigits = p - fracStart;
            if (fracDigits == 0) {
                pos = p;
                throw fail("a digit was expected after the decimal point");
            }
        }
        boolean exponent = false;
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            exponent = true;
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int expStart = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == expStart) {
                pos = p;
                throw fail("a digit was expected in the exponent");
            }
        }
        if (p - start > MAX_NUMBER_LENGTH) {
            throw fail("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        pos = p;
        if (fracDigits < 0 && !exponent) {
            if (intDigits <= 18) {
                long v = negative ? -mantissa : mantissa;
                return v == (int) v ? (Object) Integer.valueOf((int) v) : (Object) Long.valueOf(v);
            }
            BigInteger big = new BigInteger(new String(b, start, p - start, StandardCharsets.ISO_8859_1));
            // beyond 64 bits: Odoo never sends such ints; keep the magnitude rather than fail
            return big.bitLength() < 64 ? (Object) Long.valueOf(big.longValue()) : (Object) Double.valueOf(big.doubleValue());
        }
        // up to 15 digits and 22 decimals: both parts are exact doubles, so one division rounds correctly
        if (!exponent && intDigits + fracDigits <= 15) {
            double v = mantissa / POWERS_OF_TEN[fracDigits];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, p - start, StandardCharsets.ISO_8859_1));
    }

    private void literal(String word) throws JsonParseException {
        int n = word.length();
        if (pos + n <= end) {
            int i = 1;
            while (i < n && b[pos + i] == word.charAt(i)) {
                i++;
            }
            if (i == n && (pos + n == end || !Character.isLetterOrDigit(b[pos + n]))) {
                pos += n;
                return;
            }
        }
        throw fail("unrecognised token, '" + word + "' was expected");
    }

    private void skipSpace() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private static String describe(byte c) {
        int v = c & 0xFF;
        return v >= 0x20 && v < 0x7F ? "'" + (char) v + "'" : "0x" + Integer.toHexString(v);
    }

    /** A failure at the current position, with its line and column. */
    private JsonParseException fail(String message) {
        int at = Math.min(pos, end);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonParseException(message, new JsonLocation(ContentReference.unknown(), at, -1, line, at - lineStart + 1));
    }
}
