package dev.odoobridge.client.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses the textual Python-list form of a domain, e.g.
 * {@code [('state', '=', 'sale'), '|', ('a', 'in', [1, 2]), ('b', '!=', False)]}, into
 * {@link Domain} nodes. Accepts leaves as tuples or lists; strings in single or double quotes
 * with backslash escapes; integers (Integer, or Long beyond 32 bits), floats, {@code True},
 * {@code False}, {@code None}, lists, tuples and dicts as values; {@code any} / {@code not any}
 * with a sub-domain; the prefix operators {@code '&'}, {@code '|'}, {@code '!'} with an implicit
 * AND of the remaining top-level terms; and Odoo's {@code (1, '=', 1)} (all) and
 * {@code (0, '=', 1)} (none) leaves. {@code parse(d.toText())} equals {@code d} for domains built
 * with {@link Domains} (a null value is sent as {@code False} and parses back as {@code False}).
 * Thread-safe: every call uses its own state.
 */
public final class DomainParser {
    private static final int MAX_DEPTH = 100;
    private static final int MAX_OPERATOR_NESTING = 1000;

    private final String text;
    private int pos;
    private int depth;

    private DomainParser(String text) {
        this.text = text;
    }

    /**
     * Parses a domain.
     *
     * @throws DomainSyntaxException with the position and what was expected when the text is not a domain
     */
    public static Domain parse(String text) {
        Objects.requireNonNull(text, "text == null");
        DomainParser p = new DomainParser(text);
        p.skipSpace();
        Domain d = p.domain();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("expected the end of the domain");
        }
        return d;
    }

    private Domain domain() {
        int start = pos;
        expect('[', "'[' to open a domain");
        enter();
        List<Object> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        skipSpace();
        while (!peek(']')) {
            positions.add(pos);
            terms.add(term());
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
            } else if (!peek(']')) {
                throw error("expected ',' or ']' after a domain term");
            }
        }
        pos++;
        depth--;
        return Prefix.build(terms, positions, start, this);
    }

    /** A domain term: an operator string or a leaf. */
    private Object term() {
        if (peek('\'') || peek('"')) {
            int at = pos;
            String op = string();
            if (!op.equals("&") && !op.equals("|") && !op.equals("!")) {
                throw new DomainSyntaxException("expected '&', '|', '!' or a (field, operator, value) leaf but found the string '"
                        + op + "'", at);
            }
            return op;
        }
        if (peek('(') || peek('[')) {
            return leaf();
        }
        throw error("expected '&', '|', '!' or a (field, operator, value) leaf");
    }

    private Domain leaf() {
        int start = pos;
        char close = text.charAt(pos) == '(' ? ')' : ']';
        pos++;
        enter();
        skipSpace();
        int leftAt = pos;
        Object left = value();
        comma("after the field of a leaf");
        int opAt = pos;
        if (!(peek('\'') || peek('"'))) {
            throw error("expected the operator as a string");
        }
        String symbol = string();
        comma("after the operator of a leaf");
        Operator op = Operator.fromSymbol(symbol).orElseThrow(() -> new DomainSyntaxException(
                "unknown domain operator '" + symbol + "'", opAt));
        int valueAt = pos;
        Object right = op.takesDomain() ? domain() : value();
        skipSpace();
        if (peek(',')) {
            pos++;
            skipSpace();
        }
        expect(close, "'" + close + "' to close the leaf (a leaf has exactly 3 elements)");
        depth--;
        if (left instanceof Number n) {
            return constant(n, op, right, start);
        }
        if (!(left instanceof String path)) {
            throw new DomainSyntaxException("expected a field name as the first element of a leaf", leftAt);
        }
        try {
            return new Domain.Condition(path, op, right);
        } catch (IllegalArgumentException e) {
            throw new DomainSyntaxException(e.getMessage(), path.isEmpty() || e.getMessage().contains("path") ? leftAt : valueAt);
        }
    }

    private static Domain constant(Number left, Operator op, Object right, int at) {
        boolean one = right instanceof Integer r && r == 1 && op == Operator.EQ;
        if (one && left instanceof Integer l && l == 1) {
            return Domains.all();
        }
        if (one && left instanceof Integer l && l == 0) {
            return Domains.none();
        }
        throw new DomainSyntaxException("a leaf starting with a number must be (1, '=', 1) or (0, '=', 1)", at);
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expected a value");
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '[' || c == '(') {
            return sequence(c == '[' ? ']' : ')');
        }
        if (c == '{') {
            return dict();
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c)) {
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            switch (word) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                default:
                    throw new DomainSyntaxException("expected a value but found the name '" + word
                            + "' (only True, False and None are allowed)", start);
            }
        }
        throw error("expected a value (string, number, True, False, None, list, tuple or dict)");
    }

    private List<Object> sequence(char close) {
        pos++;
        enter();
        List<Object> items = new ArrayList<>();
        skipSpace();
        while (!peek(close)) {
            items.add(value());
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
            } else if (!peek(close)) {
                throw error("expected ',' or '" + close + "' in a list");
            }
        }
        pos++;
        depth--;
        return items;
    }

    private Map<String, Object> dict() {
        pos++;
        enter();
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        while (!peek('}')) {
            if (!(peek('\'') || peek('"'))) {
                throw error("expected a string key in a dict");
            }
            String key = string();
            skipSpace();
            expect(':', "':' after a dict key");
            map.put(key, value());
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
            } else if (!peek('}')) {
                throw error("expected ',' or '}' in a dict");
            }
        }
        pos++;
        depth--;
        return map;
    }

    private Number number() {
        int start = pos;
        if (peek('-') || peek('+')) {
            pos++;
        }
        boolean fraction = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c)) {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E') {
                fraction = true;
                pos++;
                if ((c == 'e' || c == 'E') && (peek('-') || peek('+'))) {
                    pos++;
                }
            } else {
                break;
            }
        }
        String s = text.substring(start, pos).replace("+", "");
        try {
            if (fraction) {
                double d = Double.parseDouble(s);
                if (Double.isInfinite(d)) {
                    throw new NumberFormatException("out of range");
                }
                return d;
            }
            long l = Long.parseLong(s);
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Number) (int) l : (Number) l;
        } catch (NumberFormatException e) {
            throw new DomainSyntaxException("expected a number but found '" + text.substring(start, pos) + "'", start);
        }
    }

    private String string() {
        int start = pos;
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new DomainSyntaxException("unterminated string starting", start);
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw new DomainSyntaxException("unterminated string starting", start);
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case '0' -> sb.append('\0');
                case '\\', '\'', '"' -> sb.append(e);
                case 'x' -> sb.append(hex(2));
                case 'u' -> sb.append(hex(4));
                default -> throw new DomainSyntaxException("unknown escape '\\" + e + "' in a string", pos - 2);
            }
        }
    }

    private char hex(int digits) {
        int start = pos;
        if (pos + digits > text.length()) {
            throw new DomainSyntaxException("expected " + digits + " hex digits after the escape", start);
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            return c;
        } catch (NumberFormatException e) {
            throw new DomainSyntaxException("expected " + digits + " hex digits after the escape", start);
        }
    }

    private void comma(String where) {
        skipSpace();
        expect(',', "',' " + where);
        skipSpace();
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c, String what) {
        if (!peek(c)) {
            throw error("expected " + what);
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    DomainSyntaxException error(String expected) {
        String found = pos >= text.length() ? "the end of the text"
                : "'" + text.substring(pos, Math.min(text.length(), pos + 12)) + (pos + 12 < text.length() ? "...'" : "'");
        return new DomainSyntaxException(expected + " but found " + found, pos);
    }

    /** Turns a flat prefix-notation term list into a tree. */
    private static final class Prefix {
        private final List<Object> terms;
        private final List<Integer> positions;
        private int next;
        private int nesting;

        private Prefix(List<Object> terms, List<Integer> positions) {
            this.terms = terms;
            this.positions = positions;
        }

        static Domain build(List<Object> terms, List<Integer> positions, int start, DomainParser parser) {
            Prefix p = new Prefix(terms, positions);
            List<Domain> top = new ArrayList<>();
            while (p.next < terms.size()) {
                top.add(p.tree(start, parser));
            }
            return Domains.and(top);
        }

        private Domain tree(int start, DomainParser parser) {
            if (next >= terms.size()) {
                int at = positions.isEmpty() ? start : positions.get(positions.size() - 1);
                throw new DomainSyntaxException("operator is missing an operand: expected another term before ']'", at);
            }
            int at = positions.get(next);
            Object t = terms.get(next++);
            if (t instanceof Domain d) {
                return d;
            }
            if (++nesting > MAX_OPERATOR_NESTING) {
                throw new DomainSyntaxException("operators nested deeper than " + MAX_OPERATOR_NESTING + " levels", at);
            }
            Domain result;
            switch ((String) t) {
                case "!":
                    result = Domains.not(tree(start, parser));
                    break;
                case "&":
                    result = Domains.and(tree(start, parser), tree(start, parser));
                    break;
                default:
                    result = Domains.or(tree(start, parser), tree(start, parser));
                    break;
            }
            nesting--;
            return result;
        }
    }
}
