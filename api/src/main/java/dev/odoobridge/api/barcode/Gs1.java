package dev.odoobridge.api.barcode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses GS1-128 (and GS1 DataMatrix) element strings: application identifiers with their data,
 * variable-length fields ended by FNC1 (transmitted as the ASCII group separator, {@code \u001D}) or
 * by the end of the code. Accepts the symbology identifiers {@code ]C1}, {@code ]d2}, {@code ]Q3}
 * and the human-readable form with the identifiers in parentheses, {@code (01)…(10)…}.
 *
 * <p>Understood identifiers: 00 (SSCC), 01 and 02 (GTIN), 10 (batch or lot), 11, 13, 15, 17 (dates
 * YYMMDD; day 00 is the month's last day), 21 (serial), 30 and 37 (counts), 310n (net weight in kg
 * with n decimals), 392n (price with n decimals). A code with any other identifier is refused,
 * since its length would be unknown.
 */
public final class Gs1 {
    /** The FNC1 separator as scanners transmit it. */
    public static final char GS = '\u001D';

    private Gs1() {
    }

    /**
     * The elements of a GS1 code.
     *
     * @param elements application identifier → data, in the order read
     */
    public record Data(Map<String, String> elements) {
        /** Copies. */
        public Data {
            elements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(elements, "elements == null")));
        }

        /** AI 01 (or 02): the GTIN-14 of the item. */
        public Optional<String> gtin() {
            return Optional.ofNullable(elements.getOrDefault("01", elements.get("02")));
        }

        /** AI 10: the batch or lot. */
        public Optional<String> lot() {
            return Optional.ofNullable(elements.get("10"));
        }

        /** AI 21: the serial number. */
        public Optional<String> serial() {
            return Optional.ofNullable(elements.get("21"));
        }

        /** AI 17: the expiry date, read in the 50-year window around {@code today}. */
        public Optional<LocalDate> expiry(LocalDate today) {
            return Optional.ofNullable(elements.get("17")).map(d -> date(d, today));
        }

        /** AI 310n: the net weight in kilograms. */
        public Optional<Double> netWeightKg() {
            return decimal("310");
        }

        /** AI 392n: the price to pay. */
        public Optional<Double> price() {
            return decimal("392");
        }

        private Optional<Double> decimal(String prefix) {
            for (Map.Entry<String, String> e : elements.entrySet()) {
                if (e.getKey().length() == 4 && e.getKey().startsWith(prefix)) {
                    int decimals = e.getKey().charAt(3) - '0';
                    return Optional.of(Long.parseLong(e.getValue()) / Math.pow(10, decimals));
                }
            }
            return Optional.empty();
        }
    }

    /** Whether the code looks like a GS1 element string rather than a plain barcode. */
    public static boolean looksLikeGs1(String code) {
        if (code == null || code.isEmpty()) {
            return false;
        }
        return code.startsWith("]C1") || code.startsWith("]d2") || code.startsWith("]Q3") || code.indexOf(GS) >= 0
                || code.startsWith("(") || (code.length() > 16 && (code.startsWith("01") || code.startsWith("02")));
    }

    /** Parses the code; empty when it is not a well-formed GS1 element string with known identifiers. */
    public static Optional<Data> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String s = code;
        if (s.startsWith("]C1") || s.startsWith("]d2") || s.startsWith("]Q3")) {
            s = s.substring(3);
        }
        if (s.startsWith("(")) {
            s = fromParentheses(s);
            if (s == null) {
                return Optional.empty();
            }
        }
        while (!s.isEmpty() && s.charAt(0) == GS) {
            s = s.substring(1);
        }
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == GS) {
                i++;
                continue;
            }
            Field f = field(s, i);
            if (f == null) {
                return Optional.empty();
            }
            int start = i + f.ai().length();
            String value;
            if (f.fixed() > 0) {
                if (start + f.fixed() > s.length()) {
                    return Optional.empty();
                }
                value = s.substring(start, start + f.fixed());
                i = start + f.fixed();
            } else {
                int end = s.indexOf(GS, start);
                end = end < 0 ? s.length() : end;
                value = s.substring(start, end);
                if (value.isEmpty() || value.length() > f.max()) {
                    return Optional.empty();
                }
                i = end;
            }
            if (f.numeric() && !Gtin.allDigits(value)) {
                return Optional.empty();
            }
            if (out.put(f.ai(), value) != null) {
                return Optional.empty();
            }
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        String gtin = out.getOrDefault("01", out.get("02"));
        if (gtin != null && !Gtin.isValid(gtin)) {
            return Optional.empty();
        }
        for (String dateAi : new String[] {"11", "13", "15", "17"}) {
            String d = out.get(dateAi);
            if (d != null && !validDate(d)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Data(out));
    }

    private record Field(String ai, int fixed, int max, boolean numeric) {
    }

    private static Field field(String s, int i) {
        if (i + 2 > s.length()) {
            return null;
        }
        String two = s.substring(i, i + 2);
        switch (two) {
            case "00":
                return new Field("00", 18, 18, true);
            case "01", "02":
                return new Field(two, 14, 14, true);
            case "10", "21":
                return new Field(two, 0, 20, false);
            case "11", "13", "15", "17":
                return new Field(two, 6, 6, true);
            case "30", "37":
                return new Field(two, 0, 8, true);
            default:
                break;
        }
        if (i + 4 <= s.length()) {
            String four = s.substring(i, i + 4);
            if (four.startsWith("310") && Character.isDigit(four.charAt(3)) && four.charAt(3) <= '5') {
                return new Field(four, 6, 6, true);
            }
            if (four.startsWith("392") && Character.isDigit(four.charAt(3)) && four.charAt(3) <= '9') {
                return new Field(four, 0, 15, true);
            }
        }
        return null;
    }

    private static String fromParentheses(String s) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) != '(') {
                return null;
            }
            int close = s.indexOf(')', i);
            if (close < 0) {
                return null;
            }
            int next = s.indexOf('(', close);
            next = next < 0 ? s.length() : next;
            if (b.length() > 0) {
                b.append(GS);
            }
            b.append(s, i + 1, close).append(s, close + 1, next);
            i = next;
        }
        return b.toString();
    }

    private static boolean validDate(String yymmdd) {
        int mm = Integer.parseInt(yymmdd.substring(2, 4));
        int dd = Integer.parseInt(yymmdd.substring(4, 6));
        return mm >= 1 && mm <= 12 && dd <= 31;
    }

    /**
     * A GS1 date: the century is the one putting the year within 49 years before and 50 after
     * {@code today}'s (GS1 General Specifications 7.12); day 00 means the last day of the month.
     */
    static LocalDate date(String yymmdd, LocalDate today) {
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int mm = Integer.parseInt(yymmdd.substring(2, 4));
        int dd = Integer.parseInt(yymmdd.substring(4, 6));
        int current = today.getYear();
        int century = current - current % 100;
        int diff = yy - current % 100;
        int year = diff >= 51 ? century - 100 + yy : diff <= -50 ? century + 100 + yy : century + yy;
        YearMonth ym = YearMonth.of(year, mm);
        int day = dd == 0 ? ym.lengthOfMonth() : Math.min(dd, ym.lengthOfMonth());
        return ym.atDay(day);
    }
}
