package dev.odoobridge.testkit.internal.server;

import java.math.BigDecimal;

/** Renders values the way Python's {@code repr()} / {@code str()} does, for wire bodies and tracebacks. */
final class PythonRepr {
    private PythonRepr() {
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, plain notation in [1e-4, 1e16). */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(d);
        if (d == 0 || (abs >= 1e-3 && abs < 1e7)) {
            return Double.toString(d);
        }
        if (abs >= 1e-4 && abs < 1e16) {
            String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        String java = Double.toString(d);
        int e = java.indexOf('E');
        String mantissa = java.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int exponent = Integer.parseInt(java.substring(e + 1));
        String sign = exponent < 0 ? "-" : "+";
        int absExp = Math.abs(exponent);
        return mantissa + "e" + sign + (absExp < 10 ? "0" : "") + absExp;
    }

    /** Python's {@code repr(str)} for plain strings: single quotes unless the text holds one. */
    static String stringRepr(String s) {
        boolean single = s.indexOf('\'') >= 0 && s.indexOf('"') < 0;
        char quote = single ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == quote) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.append(quote).toString();
    }
}
