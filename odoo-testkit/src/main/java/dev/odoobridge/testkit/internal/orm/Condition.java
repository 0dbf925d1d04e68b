package dev.odoobridge.testkit.internal.orm;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One domain condition {@code (field, operator, value)} on a field of a model, evaluated like Odoo's SQL: unset
 * values match {@code = False}; negative operators ({@code !=}, {@code not in}, {@code not like}, ...) match unset
 * values; a whole-second datetime literal covers the whole second; many2one compared with text compares the
 * display name; {@code any} / dotted paths test the comodel's records.
 */
final class Condition {
    private final FieldDef field;
    private final String operator;
    private final Object value;
    private final Predicate sub;
    private final Pattern pattern;
    private final Hierarchy hierarchy;
    private Set<Integer> hierarchyIds;
    private final Set<Long> numericItems;
    private String parsedLiteral;
    private long literalFrom;
    private long literalSpan;

    Condition(FieldDef field, String operator, Object value, Predicate sub, Hierarchy hierarchy) {
        this.field = field;
        this.operator = operator;
        this.value = value;
        this.sub = sub;
        this.hierarchy = hierarchy;
        this.pattern = operator.endsWith("like") && value instanceof String s ? pattern(operator, s) : null;
        this.numericItems = operator.equals("in") || operator.equals("not in") ? numericItems(value) : null;
    }

    FieldDef field() {
        return field;
    }

    String operator() {
        return operator;
    }

    Object value() {
        return value;
    }

    boolean test(Records records, Table table, int id) {
        Object v = records.get(table, id, field);
        return switch (operator) {
            case "any", "not any" -> any(records, v) != operator.equals("not any");
            case "child_of", "parent_of" -> hierarchy(records).stream().anyMatch(h -> contains(v, h));
            case "=" -> equalsValue(records, v, value);
            case "!=" -> !equalsValue(records, v, value);
            case "=?" -> isFalse(value) || equalsValue(records, v, value);
            case "in" -> in(records, v);
            case "not in" -> !in(records, v);
            case "like", "ilike", "=like", "=ilike" -> like(records, v);
            case "not like", "not ilike" -> !like(records, v);
            default -> compare(v);
        };
    }

    private boolean any(Records records, Object v) {
        if (v == null) {
            return false;
        }
        Table comodel = records.db().table(field.relation());
        if (v instanceof Integer target) {
            return comodel.exists(target) && sub.test(records, comodel, target);
        }
        for (int target : (int[]) v) {
            if (comodel.exists(target) && sub.test(records, comodel, target)) {
                return true;
            }
        }
        return false;
    }

    private Set<Integer> hierarchy(Records records) {
        if (hierarchyIds == null) {
            hierarchyIds = hierarchy.resolve(records, value, operator.equals("child_of"));
        }
        return hierarchyIds;
    }

    private static boolean contains(Object v, int id) {
        if (v instanceof Integer i) {
            return i == id;
        }
        if (v instanceof int[] ids) {
            for (int i : ids) {
                if (i == id) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean in(Records records, Object v) {
        Set<Long> ids = numericItems;
        if (ids != null && (v == null || v instanceof Integer || v instanceof Long || v instanceof int[])) {
            if (v instanceof int[] many) {
                for (int id : many) {
                    if (ids.contains((long) id)) {
                        return true;
                    }
                }
                return false;
            }
            return v != null && ids.contains(((Number) v).longValue());
        }
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(value);
        for (Object item : items) {
            if (equalsValue(records, v, item)) {
                return true;
            }
        }
        return false;
    }

    /** The items of an {@code in} list when all are whole numbers (ids), as a set for O(1) tests; else null. */
    private static Set<Long> numericItems(Object value) {
        if (value == null) {
            return null;
        }
        Set<Long> set = new HashSet<>();
        for (Object item : value instanceof Collection<?> c ? c : List.of(value)) {
            if (!(item instanceof Integer || item instanceof Long)) {
                return null;
            }
            set.add(((Number) item).longValue());
        }
        return set;
    }

    private boolean equalsValue(Records records, Object v, Object literal) {
        if (isFalse(literal)) {
            return isEmpty(v);
        }
        if (v == null) {
            return false;
        }
        if (v instanceof int[] ids) {
            for (int id : ids) {
                if (equalsValue(records, id, literal)) {
                    return true;
                }
            }
            return false;
        }
        if (field.type() == FieldType.MANY2ONE && literal instanceof String s) {
            return records.displayName(field.relation(), (Integer) v).equals(s);
        }
        if (v instanceof Long micros && literal instanceof String s) {
            long from = from(s);
            return micros >= from && micros < from + literalSpan;
        }
        if (v instanceof Number n && literal instanceof Number l) {
            return n.doubleValue() == l.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b.equals(truthy(literal));
        }
        if (field.type() == FieldType.DATE && literal instanceof String s) {
            return v.equals(OdooTime.parseDate(s));
        }
        return v.equals(literal);
    }

    private boolean compare(Object v) {
        if (v == null || isFalse(value)) {
            return false;
        }
        if (v instanceof Long micros && value instanceof String s) {
            long from = from(s);
            long to = from + literalSpan;
            return switch (operator) {
                case ">" -> micros >= to;
                case ">=" -> micros >= from;
                case "<" -> micros < from;
                default -> micros < to;
            };
        }
        int c;
        if (v instanceof Number n && value instanceof Number l) {
            c = Double.compare(n.doubleValue(), l.doubleValue());
        } else if (v instanceof String s && value instanceof String l) {
            c = s.compareTo(field.type() == FieldType.DATE ? OdooTime.parseDate(l) : l);
        } else {
            return false;
        }
        return switch (operator) {
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            default -> c <= 0;
        };
    }

    private boolean like(Records records, Object v) {
        if (pattern == null) {
            return isFalse(value) ? isEmpty(v) : v != null && String.valueOf(v).contains(String.valueOf(value));
        }
        if (v == null) {
            return false;
        }
        if (v instanceof int[] ids) {
            for (int id : ids) {
                if (pattern.matcher(records.displayName(field.relation(), id)).matches()) {
                    return true;
                }
            }
            return false;
        }
        String text = field.type() == FieldType.MANY2ONE ? records.displayName(field.relation(), (Integer) v)
                : v instanceof Long micros ? OdooTime.formatSeconds(micros) : String.valueOf(v);
        return pattern.matcher(text).matches();
    }

    /** The literal's start in microseconds (its span in {@link #literalSpan}), parsed once per condition. */
    private long from(String literal) {
        if (!literal.equals(parsedLiteral)) {
            literalFrom = OdooTime.parseMicros(literal);
            literalSpan = OdooTime.spanMicros(literal);
            parsedLiteral = literal;
        }
        return literalFrom;
    }

    static boolean isFalse(Object literal) {
        return literal == null || Boolean.FALSE.equals(literal);
    }

    private static boolean isEmpty(Object v) {
        return v == null || Boolean.FALSE.equals(v) || (v instanceof int[] ids && ids.length == 0);
    }

    private static boolean truthy(Object literal) {
        if (literal instanceof Boolean b) {
            return b;
        }
        if (literal instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return literal instanceof String s && !s.isEmpty();
    }

    private static Pattern pattern(String operator, String text) {
        boolean exact = operator.startsWith("=");
        StringBuilder regex = new StringBuilder();
        if (!exact) {
            regex.append(".*");
        }
        for (char ch : text.toCharArray()) {
            if (exact && ch == '%') {
                regex.append(".*");
            } else if (exact && ch == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        if (!exact) {
            regex.append(".*");
        }
        int flags = Pattern.DOTALL | (operator.contains("ilike") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}
