package dev.odoobridge.api.barcode;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Odoo barcode nomenclature, parsing codes as Odoo's {@code barcode.nomenclature.parse_barcode}
 * does: rules by sequence, encoding check first (EAN-13 / EAN-8 / UPC-A need their length and a
 * correct check digit), the embedded number read from the {@code {N…D…}} digits, and the base code —
 * the barcode stored on the product — with those digits zeroed and the check digit recomputed.
 * Odoo checks a rule's encoding on the code as scanned, before its UPC-A / EAN-13 conversion, so a
 * 12-digit UPC-A never matches an EAN-13 rule (nor an EAN-13 a UPC-A rule); this class does the same
 * and leaves the equivalence of GTIN lengths to the product lookup ({@link Gtin#equivalents}).
 */
public final class Nomenclature {
    private static final Pattern NUMERIC = Pattern.compile("[{]N*D*[}]");

    private final List<BarcodeRule> rules;

    /**
     * The outcome of a match.
     *
     * @param rule the rule that matched
     * @param code the code as matched (after following aliases)
     * @param baseCode the code with its embedded number zeroed: the product's barcode
     * @param value the embedded number (0 when the pattern has none)
     */
    public record Match(BarcodeRule rule, String code, String baseCode, double value) {
        /** The rule's type. */
        public String type() {
            return rule.type();
        }
    }

    /** A nomenclature of these rules. */
    public Nomenclature(List<BarcodeRule> rules) {
        this.rules = Objects.requireNonNull(rules, "rules == null").stream()
                .sorted(Comparator.comparingInt(BarcodeRule::sequence)).toList();
    }

    /**
     * Odoo's default nomenclature with the rules the point of sale and inventory apps add: price with
     * two decimals {@code 23.....{NNNDD}} (sequence 14), discount {@code 22{NN}} (20), weight with
     * three decimals {@code 21.....{NNDDD}} (36), customer {@code 042}, cashier {@code 041},
     * location {@code 414}, package {@code PACK}, and the catch-all product rule {@code .*} (90).
     */
    public static Nomenclature odooDefault() {
        return new Nomenclature(List.of(
                BarcodeRule.of("Price Barcodes 2 Decimals", 14, "price", "ean13", "23.....{NNNDD}"),
                BarcodeRule.of("Discount Barcodes", 20, "discount", "any", "22{NN}"),
                BarcodeRule.of("Weight Barcodes 3 Decimals", 36, "weight", "ean13", "21.....{NNDDD}"),
                BarcodeRule.of("Customer Barcodes", 40, "client", "any", "042"),
                BarcodeRule.of("Cashier Barcodes", 50, "cashier", "any", "041"),
                BarcodeRule.of("Location barcodes", 60, "location", "any", "414"),
                BarcodeRule.of("Package barcodes", 70, "package", "any", "PACK"),
                BarcodeRule.of("Product Barcodes", 90, "product", "any", ".*")));
    }

    /** The rules by sequence. */
    public List<BarcodeRule> rules() {
        return rules;
    }

    /** The first matching rule's reading of the code; empty when no rule matches. */
    public Optional<Match> parse(String barcode) {
        Objects.requireNonNull(barcode, "barcode == null");
        String code = barcode;
        for (int hops = 0; hops < 10; hops++) {
            Optional<Match> m = parseOnce(code);
            if (m.isPresent() && "alias".equals(m.get().type()) && m.get().rule().alias() != null) {
                code = m.get().rule().alias();
                continue;
            }
            return m;
        }
        return Optional.empty();
    }

    private Optional<Match> parseOnce(String barcode) {
        for (BarcodeRule rule : rules) {
            if (!encoded(barcode, rule.encoding())) {
                continue;
            }
            Optional<Match> m = match(rule, barcode);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static Optional<Match> match(BarcodeRule rule, String barcode) {
        String pattern = rule.pattern();
        String base = barcode;
        double value = 0;
        Matcher num = NUMERIC.matcher(pattern);
        if (num.find()) {
            int start = num.start();
            int end = num.end();
            int digits = end - start - 2;
            if (barcode.length() < start + digits) {
                return Optional.empty();
            }
            String valueString = barcode.substring(start, start + digits);
            String group = num.group();
            int wholeDigits = (int) group.chars().filter(c -> c == 'N').count();
            String whole = valueString.substring(0, wholeDigits);
            String decimals = valueString.substring(wholeDigits);
            if (whole.isEmpty()) {
                whole = "0";
            }
            if (!Gtin.allDigits(whole) || !(decimals.isEmpty() || Gtin.allDigits(decimals))) {
                return Optional.empty();
            }
            value = Long.parseLong(whole) + (decimals.isEmpty() ? 0 : Double.parseDouble("0." + decimals));
            base = barcode.substring(0, start) + "0".repeat(digits) + barcode.substring(start + digits);
            pattern = pattern.substring(0, start) + "0".repeat(digits) + pattern.substring(end);
        }
        String head = base.substring(0, Math.min(base.length(), pattern.length()));
        if (!Pattern.compile(pattern).matcher(head).lookingAt()) {
            return Optional.empty();
        }
        String baseCode = switch (rule.encoding()) {
            case "ean13" -> sanitizeEan(base);
            case "upca" -> sanitizeEan("0" + base).substring(1);
            default -> base;
        };
        return Optional.of(new Match(rule, barcode, baseCode, value));
    }

    private static String sanitizeEan(String ean) {
        String padded = "0".repeat(Math.max(0, 13 - Math.min(13, ean.length()))) + ean.substring(0, Math.min(13, ean.length()));
        return Gtin.withCheckDigit(padded.substring(0, 12));
    }

    /** Odoo's {@code check_barcode_encoding}. */
    static boolean encoded(String barcode, String encoding) {
        return switch (encoding) {
            case "ean13" -> barcode.length() == 13 && Gtin.isValid(barcode);
            case "ean8" -> barcode.length() == 8 && Gtin.isValid(barcode);
            case "upca" -> barcode.length() == 12 && Gtin.isValid(barcode);
            default -> true;
        };
    }
}
