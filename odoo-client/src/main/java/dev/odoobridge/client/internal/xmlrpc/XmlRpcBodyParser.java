package dev.odoobridge.client.internal.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes one XML-RPC {@code methodResponse} straight from its UTF-8 bytes, without a general XML
 * parser: it knows the few elements of XML-RPC and reads them by recursive descent, checking the
 * XML it accepts (matching end tags, attribute syntax, character and entity references, strict
 * UTF-8, legal XML characters, line-end normalisation). A DOCTYPE is refused outright, so no
 * entity can be declared and only the five predefined entities and character references are
 * expanded; comments, processing instructions and CDATA sections are understood. Nesting of
 * arrays and structs is bounded by {@link #MAX_DEPTH}. One instance per document, not thread-safe.
 */
final class XmlRpcBodyParser {
    /** Deepest nesting of arrays and structs accepted; Odoo's deepest answers nest about 5. */
    static final int MAX_DEPTH = 128;

    private static final int METHOD_RESPONSE = 0;
    private static final int PARAMS = 1;
    private static final int PARAM = 2;
    private static final int FAULT = 3;
    private static final int VALUE = 4;
    private static final int STRUCT = 5;
    private static final int MEMBER = 6;
    private static final int NAME = 7;
    private static final int ARRAY = 8;
    private static final int DATA = 9;
    private static final int INT = 10;
    private static final int I4 = 11;
    private static final int I8 = 12;
    private static final int DOUBLE = 13;
    private static final int BOOLEAN = 14;
    private static final int STRING = 15;
    private static final int BASE64 = 16;
    private static final int DATE_TIME = 17;
    private static final int NIL = 18;
    private static final String[] NAMES = {
        "methodResponse", "params", "param", "fault", "value", "struct", "member", "name", "array", "data",
        "int", "i4", "i8", "double", "boolean", "string", "base64", "dateTime.iso8601", "nil",
    };
    private static final byte[][] NAME_BYTES = new byte[NAMES.length][];
    /** Bytes that stand for themselves in character data: printable ASCII but {@code <}, {@code &} and {@code ]}, tab, LF. */
    private static final boolean[] PLAIN = new boolean[256];
    private static final int NAME_CACHE = 64;
    private static final Pattern XML_DECLARATION = Pattern.compile("<\\?xml\\s+version\\s*=\\s*(['\"])1\\.0\\1"
            + "(\\s+encoding\\s*=\\s*(['\"])([A-Za-z][A-Za-z0-9._-]*)\\3)?"
            + "(\\s+standalone\\s*=\\s*(['\"])(yes|no)\\6)?\\s*\\?>");
    private static final Set<String> UTF_8_NAMES = Set.of("utf-8", "utf8", "us-ascii", "ascii");
    private static final double[] POWERS_OF_TEN = new double[23];

    /** Element by {@link #tagHash} of its name, -1 for none. */
    private static final int[] TAGS_BY_HASH = new int[64];

    static {
        Arrays.fill(TAGS_BY_HASH, -1);
        for (int i = 0; i < NAMES.length; i++) {
            NAME_BYTES[i] = NAMES[i].getBytes(StandardCharsets.US_ASCII);
            byte[] n = NAME_BYTES[i];
            int h = tagHash(n.length, n[0], n[n.length - 1]);
            if (TAGS_BY_HASH[h] >= 0) {
                throw new IllegalStateException("element names " + NAMES[TAGS_BY_HASH[h]] + " and " + NAMES[i] + " collide");
            }
            TAGS_BY_HASH[h] = i;
        }
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '<' && c != '&' && c != ']';
        }
        PLAIN['\t'] = true;
        PLAIN['\n'] = true;
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
    /** Whether the start tag read last ended with {@code />}. */
    private boolean selfClosing;
    private StringBuilder text;
    /** Member names seen in this document, so each distinct name is one String (hash computed once). */
    private final String[] names = new String[NAME_CACHE];

    XmlRpcBodyParser(byte[] body, int length) {
        this.b = body;
        this.end = length;
    }

    /**
     * Decodes the whole document.
     *
     * @throws Malformed when the body is not a well-formed XML-RPC response
     */
    XmlRpcResponse parse() {
        prolog();
        int root = startTag(-1);
        if (root != METHOD_RESPONSE) {
            throw unexpected(root, -1);
        }
        if (selfClosing) {
            throw fail("no <params><param><value> in the response");
        }
        skipMisc();
        int kind = startTag(METHOD_RESPONSE);
        XmlRpcResponse response;
        if (kind == PARAMS) {
            response = new XmlRpcResponse.Success(params());
        } else if (kind == FAULT) {
            response = fault();
        } else {
            throw unexpected(kind, METHOD_RESPONSE);
        }
        skipMisc();
        endTag(METHOD_RESPONSE);
        skipMisc();
        if (pos < end) {
            throw fail("content after the end of the document");
        }
        return response;
    }

    private Object params() {
        if (selfClosing) {
            throw fail("no <params><param><value> in the response");
        }
        skipMisc();
        if (atEndTag()) {
            throw fail("no <params><param><value> in the response");
        }
        int param = startTag(PARAMS);
        if (param != PARAM) {
            throw unexpected(param, PARAMS);
        }
        if (selfClosing) {
            throw fail("<param> without a <value>");
        }
        Object result = singleValue(PARAM);
        skipMisc();
        if (!atEndTag()) {
            throw fail("more than one <param> in <params>");
        }
        endTag(PARAMS);
        return result;
    }

    private XmlRpcResponse fault() {
        if (selfClosing) {
            throw fail("a <fault> needs an int faultCode and a string faultString");
        }
        Object value = singleValue(FAULT);
        if (value instanceof Map<?, ?> m && m.get("faultCode") instanceof Integer code
                && m.get("faultString") instanceof String message) {
            return new XmlRpcResponse.Fault(code, message);
        }
        throw fail("a <fault> needs an int faultCode and a string faultString");
    }

    /** The one {@code <value>} of a {@code <param>} or {@code <fault>}, through the parent's end tag. */
    private Object singleValue(int parent) {
        skipMisc();
        if (atEndTag()) {
            throw fail("<" + NAMES[parent] + "> without a <value>");
        }
        int tag = startTag(parent);
        if (tag != VALUE) {
            throw unexpected(tag, parent);
        }
        Object value = selfClosing ? "" : value();
        skipMisc();
        if (!atEndTag()) {
            throw fail("more than one <value> in <" + NAMES[parent] + ">");
        }
        endTag(parent);
        return value;
    }

    /** The content of a {@code <value>} whose start tag was just read, through its end tag. */
    private Object value() {
        int start = pos;
        int p = pos;
        while (p < end && PLAIN[b[p] & 0xFF]) {
            p++;
        }
        String untyped = null;
        if (p + 1 < end && b[p] == '<' && b[p + 1] == '/') {
            pos = p;
            untyped = p == start ? "" : new String(b, start, p - start, StandardCharsets.ISO_8859_1);
        } else if (p + 1 < end && b[p] == '<' && b[p + 1] != '!' && b[p + 1] != '?') {
            pos = p;
            requireBlank(start, p, VALUE);
        } else {
            String s = text();
            if (atEndTag()) {
                untyped = s;
            } else if (!isBlank(s)) {
                throw fail("text before a typed element inside <value>");
            }
        }
        if (untyped != null) {
            endTag(VALUE);
            return untyped;
        }
        int type = startTag(VALUE);
        Object value = switch (type) {
            case STRUCT -> struct();
            case ARRAY -> array();
            case STRING -> selfClosing ? "" : closeText(STRING, text());
            case INT, I4 -> integer(type);
            case I8 -> longValue();
            case DOUBLE -> real();
            case BOOLEAN -> bool();
            case BASE64 -> selfClosing ? "" : stripWhitespace(closeText(BASE64, text()));
            case DATE_TIME -> selfClosing ? "" : closeText(DATE_TIME, text()).strip();
            case NIL -> nil();
            default -> throw unexpected(type, VALUE);
        };
        skipMisc();
        endTag(VALUE);
        return value;
    }

    private String closeText(int tag, String s) {
        endTag(tag);
        return s;
    }

    private Map<String, Object> struct() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (selfClosing) {
            return map;
        }
        enter();
        while (true) {
            skipMisc();
            if (atEndTag()) {
                break;
            }
            int member = startTag(STRUCT);
            if (member != MEMBER || selfClosing) {
                throw member == MEMBER ? fail("<member> needs a <name> and a <value>") : unexpected(member, STRUCT);
            }
            skipMisc();
            int name = startTag(MEMBER);
            if (name != NAME) {
                throw name == VALUE ? fail("<member> needs a <name> and a <value>") : unexpected(name, MEMBER);
            }
            String key = selfClosing ? "" : memberName();
            skipMisc();
            if (atEndTag()) {
                throw fail("<member> needs a <name> and a <value>");
            }
            int value = startTag(MEMBER);
            if (value != VALUE) {
                throw unexpected(value, MEMBER);
            }
            Object v = selfClosing ? "" : value();
            skipMisc();
            endTag(MEMBER);
            map.put(key, v);
        }
        endTag(STRUCT);
        depth--;
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        if (selfClosing) {
            return list;
        }
        enter();
        skipMisc();
        if (!atEndTag()) {
            int data = startTag(ARRAY);
            if (data != DATA) {
                throw unexpected(data, ARRAY);
            }
            if (!selfClosing) {
                while (true) {
                    skipMisc();
                    if (atEndTag()) {
                        break;
                    }
                    int value = startTag(DATA);
                    if (value != VALUE) {
                        throw unexpected(value, DATA);
                    }
                    list.add(selfClosing ? "" : value());
                }
                endTag(DATA);
            }
            skipMisc();
        }
        endTag(ARRAY);
        depth--;
        return list;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail("arrays and structs nested deeper than " + MAX_DEPTH);
        }
    }

    /** A member's name: plain ASCII names come from the per-document cache. */
    private String memberName() {
        int start = pos;
        int p = pos;
        int h = 0;
        while (p < end && PLAIN[b[p] & 0xFF]) {
            h = 31 * h + b[p];
            p++;
        }
        if (p + 1 < end && b[p] == '<' && b[p + 1] == '/') {
            pos = p;
            int len = p - start;
            int slot = (h ^ (h >>> 7)) & (NAME_CACHE - 1);
            String cached = names[slot];
            if (cached == null || !sameAscii(cached, start, len)) {
                cached = new String(b, start, len, StandardCharsets.ISO_8859_1);
                names[slot] = cached;
            }
            endTag(NAME);
            return cached;
        }
        return closeText(NAME, text());
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

    private Object integer(int type) {
        long v = wholeNumber(type);
        if (v == (int) v) {
            return Integer.valueOf((int) v);
        }
        return Long.valueOf(v); // a wider <int> than the spec allows: keep it whole
    }

    private Object longValue() {
        return Long.valueOf(wholeNumber(I8));
    }

    /** A whole number as Long.parseLong reads it (optional sign, digits), surrounding whitespace allowed. */
    private long wholeNumber(int type) {
        if (selfClosing) {
            throw fail("<" + NAMES[type] + "> holds no valid number: ");
        }
        int p = pos;
        boolean negative = false;
        if (p < end && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        int digits = p;
        long v = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9' && p - digits < 18) {
            v = v * 10 + (b[p] - '0');
            p++;
        }
        if (p > digits && p + 1 < end && b[p] == '<' && b[p + 1] == '/') {
            pos = p;
            endTag(type);
            return negative ? -v : v;
        }
        String s = closeText(type, text());
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw fail("<" + NAMES[type] + "> holds no valid number: " + abbreviate(s));
        }
    }

    private Double real() {
        if (selfClosing) {
            throw fail("<double> holds no valid number: ");
        }
        int p = pos;
        boolean negative = false;
        if (p < end && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        int digits = p;
        long mantissa = 0;
        int count = 0;
        int fraction = -1;
        while (p < end && count <= 15) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                count++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
            p++;
        }
        // up to 15 digits and 22 decimals: both parts are exact doubles, so one division rounds correctly
        if (count > 0 && count <= 15 && fraction != 0 && p + 1 < end && b[p] == '<' && b[p + 1] == '/' && p > digits) {
            pos = p;
            endTag(DOUBLE);
            double v = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
            return negative ? -v : v;
        }
        String s = closeText(DOUBLE, text());
        String t = s.strip();
        // Python writes repr(float): inf, -inf and nan are spelt its way
        return switch (t) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "-nan" -> Double.NaN;
            default -> {
                try {
                    yield Double.valueOf(t);
                } catch (NumberFormatException e) {
                    throw fail("<double> holds no valid number: " + abbreviate(s));
                }
            }
        };
    }

    private Boolean bool() {
        if (!selfClosing && pos + 2 < end && b[pos + 1] == '<' && b[pos + 2] == '/' && (b[pos] == '0' || b[pos] == '1')) {
            boolean v = b[pos] == '1';
            pos++;
            endTag(BOOLEAN);
            return v;
        }
        String s = selfClosing ? "" : closeText(BOOLEAN, text());
        return switch (s.strip()) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> throw fail("<boolean> must be 0 or 1, was " + abbreviate(s));
        };
    }

    private Object nil() {
        if (!selfClosing) {
            String s = text();
            if (!isBlank(s)) {
                throw fail("<nil/> must be empty");
            }
            endTag(NIL);
        }
        return null;
    }

    // ---- XML lexing ----

    /** BOM, XML declaration (UTF-8 only), comments and processing instructions; refuses a DOCTYPE. */
    private void prolog() {
        if (end >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            pos = 3;
        } else if (end >= 2 && ((b[0] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFF || b[0] == 0)) {
            throw fail("the body is not UTF-8");
        }
        if (startsWith(pos, "<?xml") && pos + 5 < end && isSpace(b[pos + 5])) {
            int close = indexOf(pos, "?>");
            if (close < 0) {
                throw fail("unterminated XML declaration");
            }
            Matcher declaration = XML_DECLARATION.matcher(new String(b, pos, close + 2 - pos, StandardCharsets.ISO_8859_1));
            if (!declaration.matches()) {
                throw fail("malformed XML declaration (version 1.0, then optionally encoding and standalone)");
            }
            String encoding = declaration.group(4);
            if (encoding != null && !UTF_8_NAMES.contains(encoding.toLowerCase(Locale.ROOT))) {
                throw fail("unsupported encoding '" + encoding + "' (XML-RPC answers are read as UTF-8)");
            }
            pos = close + 2;
        }
        skipMisc();
        if (pos >= end) {
            throw fail("no XML-RPC response in the body (premature end of file)");
        }
    }

    /** Skips whitespace, comments and processing instructions; stops at anything else or the end of the body. */
    private void skipMisc() {
        while (pos < end) {
            byte c = b[pos];
            if (isSpace(c)) {
                pos++;
            } else if (c == '<' && pos + 1 < end && (b[pos + 1] == '!' || b[pos + 1] == '?')) {
                if (!skipMarkup()) {
                    throw fail("unexpected markup");
                }
            } else if (c == '<') {
                return;
            } else {
                throw fail("unexpected text where an element was expected");
            }
        }
    }

    /** Skips a comment or processing instruction at {@code pos}; a DOCTYPE fails; false for anything else. */
    private boolean skipMarkup() {
        if (startsWith(pos, "<!--")) {
            int close = indexOf(pos + 4, "--");
            if (close < 0 || close + 2 >= end || b[close + 2] != '>') {
                throw fail(close < 0 ? "unterminated comment" : "'--' inside a comment");
            }
            checkChars(pos + 4, close);
            pos = close + 3;
            return true;
        }
        if (startsWith(pos, "<!DOCTYPE")) {
            throw fail("DOCTYPE is not allowed in an XML-RPC response");
        }
        if (b[pos + 1] == '?') {
            int target = pos + 2;
            int p = target;
            while (p < end && isNameByte(b[p])) {
                p++;
            }
            if (p == target || (p - target == 3 && (b[target] | 0x20) == 'x' && (b[target + 1] | 0x20) == 'm'
                    && (b[target + 2] | 0x20) == 'l')) {
                throw fail("a processing instruction needs a target other than 'xml'");
            }
            int close = indexOf(p, "?>");
            if (close < 0) {
                throw fail("unterminated processing instruction");
            }
            if (close != p && !isSpace(b[p])) {
                throw fail("white space is required after a processing instruction's target");
            }
            checkChars(p, close);
            pos = close + 2;
            return true;
        }
        return false;
    }

    private boolean atEndTag() {
        return pos + 1 < end && b[pos] == '<' && b[pos + 1] == '/';
    }

    /**
     * Reads the start tag at {@code pos} (which holds {@code <}), skipping its attributes, and
     * returns which XML-RPC element it is; sets {@link #selfClosing}.
     */
    private int startTag(int parent) {
        if (pos >= end) {
            throw fail("premature end of the body, an element was expected");
        }
        if (b[pos] != '<') {
            throw fail("an element was expected");
        }
        int nameStart = pos + 1;
        int p = nameStart;
        while (p < end && isNameByte(b[p])) {
            p++;
        }
        if (p == nameStart) {
            throw fail(pos + 1 < end && b[pos + 1] == '/' ? "unexpected end tag inside <" + name(parent) + ">"
                    : "not a valid element");
        }
        int tag = lookup(nameStart, p - nameStart);
        if (tag < 0) {
            String found = new String(b, nameStart, p - nameStart, StandardCharsets.UTF_8);
            throw fail("unsupported element <" + found + ">" + (parent < 0 ? "" : " inside <" + NAMES[parent] + ">"));
        }
        pos = p;
        while (true) {
            int before = pos;
            while (pos < end && isSpace(b[pos])) {
                pos++;
            }
            if (pos >= end) {
                throw fail("premature end of the body in a start tag");
            }
            byte c = b[pos];
            if (c == '>') {
                pos++;
                selfClosing = false;
                return tag;
            }
            if (c == '/') {
                if (pos + 1 < end && b[pos + 1] == '>') {
                    pos += 2;
                    selfClosing = true;
                    return tag;
                }
                throw fail("broken start tag <" + NAMES[tag] + ">");
            }
            if (before == pos) {
                throw fail("broken start tag <" + NAMES[tag] + ">");
            }
            attribute();
        }
    }

    /** Skips one {@code name="value"} (or single-quoted) attribute, checking its syntax. */
    private void attribute() {
        int start = pos;
        while (pos < end && isNameByte(b[pos])) {
            pos++;
        }
        if (pos == start) {
            throw fail("broken attribute");
        }
        while (pos < end && isSpace(b[pos])) {
            pos++;
        }
        if (pos >= end || b[pos] != '=') {
            throw fail("attribute without a value");
        }
        pos++;
        while (pos < end && isSpace(b[pos])) {
            pos++;
        }
        if (pos >= end || (b[pos] != '"' && b[pos] != '\'')) {
            throw fail("attribute value without quotes");
        }
        byte quote = b[pos++];
        while (pos < end && b[pos] != quote) {
            if (b[pos] == '<') {
                throw fail("'<' in an attribute value");
            }
            pos++;
        }
        if (pos >= end) {
            throw fail("premature end of the body in an attribute");
        }
        pos++;
    }

    /** Reads {@code </name>} for the given element at {@code pos}. */
    private void endTag(int tag) {
        byte[] name = NAME_BYTES[tag];
        int p = pos + 2;
        if (atEndTag() && p + name.length <= end) {
            int i = 0;
            while (i < name.length && b[p + i] == name[i]) {
                i++;
            }
            if (i == name.length) {
                p += name.length;
                while (p < end && isSpace(b[p])) {
                    p++;
                }
                if (p < end && b[p] == '>') {
                    pos = p + 1;
                    return;
                }
            }
        }
        if (pos >= end) {
            throw fail("premature end of the body, </" + NAMES[tag] + "> expected");
        }
        if (b[pos] == '<' && pos + 1 < end && b[pos + 1] != '/') {
            int at = pos;
            int found = startTag(tag); // fails itself for an element XML-RPC does not have
            pos = at;
            throw unexpected(found, tag);
        }
        throw fail("</" + NAMES[tag] + "> expected");
    }

    /** Which XML-RPC element the name {@code [start, start + len)} is, or -1. */
    private int lookup(int start, int len) {
        int tag = TAGS_BY_HASH[tagHash(len, b[start], b[start + len - 1])];
        if (tag < 0) {
            return -1;
        }
        byte[] n = NAME_BYTES[tag];
        if (n.length != len) {
            return -1;
        }
        for (int j = 0; j < len; j++) {
            if (n[j] != b[start + j]) {
                return -1;
            }
        }
        return tag;
    }

    /** Length, first and last byte tell the XML-RPC elements apart; {@link #TAGS_BY_HASH} checks it. */
    private static int tagHash(int len, byte first, byte last) {
        return (len + first * 3 + last) & 63;
    }

    /**
     * Character data from {@code pos} up to the next tag: references expanded, CDATA kept,
     * comments and processing instructions dropped, line ends normalised, UTF-8 checked.
     */
    private String text() {
        int start = pos;
        int p = pos;
        while (p < end && PLAIN[b[p] & 0xFF]) {
            p++;
        }
        if (p + 1 < end && b[p] == '<' && b[p + 1] != '!' && b[p + 1] != '?') {
            pos = p;
            return p == start ? "" : new String(b, start, p - start, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = text == null ? (text = new StringBuilder(64)) : text;
        sb.setLength(0);
        while (true) {
            if (pos >= end) {
                throw fail("premature end of the body in text");
            }
            byte c = b[pos];
            if (c == '<') {
                if (startsWith(pos, "<![CDATA[")) {
                    int close = indexOf(pos + 9, "]]>");
                    if (close < 0) {
                        throw fail("unterminated CDATA section");
                    }
                    appendRaw(sb, pos + 9, close);
                    pos = close + 3;
                } else if (pos + 1 < end && (b[pos + 1] == '!' || b[pos + 1] == '?')) {
                    if (!skipMarkup()) {
                        throw fail("unexpected markup in text");
                    }
                } else {
                    return sb.toString();
                }
            } else if (c == '&') {
                reference(sb);
            } else {
                int runEnd = pos;
                while (runEnd < end && b[runEnd] != '<' && b[runEnd] != '&') {
                    if (b[runEnd] == ']' && runEnd + 2 < end && b[runEnd + 1] == ']' && b[runEnd + 2] == '>') {
                        pos = runEnd;
                        throw fail("']]>' outside a CDATA section");
                    }
                    runEnd++;
                }
                appendRaw(sb, pos, runEnd);
                pos = runEnd;
            }
        }
    }

    /** Checks that bytes {@code [from, to)} are well-formed UTF-8 of legal XML characters. */
    private void checkChars(int from, int to) {
        int saved = pos;
        StringBuilder sb = text == null ? (text = new StringBuilder(64)) : text;
        int length = sb.length();
        appendRaw(sb, from, to);
        sb.setLength(length);
        pos = saved;
    }

    /** Appends bytes {@code [from, to)} as characters: strict UTF-8, legal XML characters, CR LF and CR as LF. */
    private void appendRaw(StringBuilder sb, int from, int to) {
        int p = from;
        while (p < to) {
            int c = b[p] & 0xFF;
            if (c < 0x80) {
                if (c == '\r') {
                    sb.append('\n');
                    if (p + 1 < to && b[p + 1] == '\n') {
                        p++;
                    }
                } else if (c < 0x20 && c != '\t' && c != '\n') {
                    pos = p;
                    throw fail("illegal character 0x" + Integer.toHexString(c) + " in text");
                } else {
                    sb.append((char) c);
                }
                p++;
                continue;
            }
            int len;
            int cp;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
                cp = c & 0x1F;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                cp = c & 0x0F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                cp = c & 0x07;
            } else {
                pos = p;
                throw fail("invalid UTF-8 byte 0x" + Integer.toHexString(c));
            }
            if (p + len > to) {
                pos = p;
                throw fail("truncated UTF-8 sequence");
            }
            for (int i = 1; i < len; i++) {
                int cc = b[p + i] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    pos = p;
                    throw fail("invalid UTF-8 sequence");
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
                pos = p;
                throw fail("overlong UTF-8 sequence");
            }
            if (!isXmlChar(cp)) {
                pos = p;
                throw fail("illegal character U+" + Integer.toHexString(cp) + " in text");
            }
            sb.appendCodePoint(cp);
            p += len;
        }
    }

    /** Expands the reference at {@code pos} ({@code &amp;}, {@code &#233;}, {@code &#xE9;} ...). */
    private void reference(StringBuilder sb) {
        int semi = pos + 1;
        while (semi < end && semi - pos <= 12 && b[semi] != ';') {
            semi++;
        }
        if (semi >= end || b[semi] != ';') {
            throw fail("broken reference: '&' must start &amp;, &lt;, &gt;, &quot;, &apos; or a character reference");
        }
        String ref = new String(b, pos + 1, semi - pos - 1, StandardCharsets.ISO_8859_1);
        switch (ref) {
            case "amp" -> sb.append('&');
            case "lt" -> sb.append('<');
            case "gt" -> sb.append('>');
            case "quot" -> sb.append('"');
            case "apos" -> sb.append('\'');
            default -> {
                int cp = -1;
                try {
                    if (ref.startsWith("#x")) {
                        cp = Integer.parseInt(ref.substring(2), 16);
                    } else if (ref.startsWith("#")) {
                        cp = Integer.parseInt(ref.substring(1));
                    }
                } catch (NumberFormatException e) {
                    cp = -1;
                }
                if (cp < 0 && !ref.startsWith("#")) {
                    throw fail("undeclared entity &" + abbreviate(ref) + "; (no entities are declared in XML-RPC)");
                }
                if (cp < 0 || ref.indexOf('+') >= 0 || ref.indexOf('-') >= 0 || !isXmlChar(cp)) {
                    throw fail("invalid character reference &" + abbreviate(ref) + ";");
                }
                sb.appendCodePoint(cp);
            }
        }
        pos = semi + 1;
    }

    private void requireBlank(int from, int to, int element) {
        for (int i = from; i < to; i++) {
            if (!isSpace(b[i])) {
                pos = i;
                throw fail("text before a typed element inside <" + NAMES[element] + ">");
            }
        }
    }

    private static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static boolean isNameByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                || c == '_' || c == ':' || c < 0;
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private boolean startsWith(int at, String s) {
        if (at + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(int from, String s) {
        outer:
        for (int i = from; i + s.length() <= end; i++) {
            for (int j = 0; j < s.length(); j++) {
                if (b[i + j] != s.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String stripWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String name(int tag) {
        return tag < 0 ? "the document" : NAMES[tag];
    }

    private Malformed unexpected(int tag, int parent) {
        return fail("unexpected element <" + NAMES[tag] + ">" + (parent < 0 ? " at the top" : " inside <" + NAMES[parent] + ">"));
    }

    /** A failure at the current position, with its line and column. */
    private Malformed fail(String message) {
        int at = Math.min(pos, end);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Malformed("line " + line + ", column " + (at - lineStart + 1) + ": " + message);
    }

    /** The body is not a well-formed XML-RPC response; the message says where and why. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
