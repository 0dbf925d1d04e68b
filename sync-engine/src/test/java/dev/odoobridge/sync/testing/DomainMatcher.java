package dev.odoobridge.sync.testing;

import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.value.OdooValues;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates {@link Domain} nodes against a fake row like Odoo 19 does. Datetime literals are
 * whole seconds covering the whole second: {@code =} any microsecond in S, {@code >} from the
 * next second, {@code >=} from the start of S, {@code <} before S, {@code <=} up to the end of S.
 */
final class DomainMatcher {
    private DomainMatcher() {
    }

    static boolean matches(FakeOdoo.Row row, Domain domain) {
        if (domain instanceof Domain.True) {
            return true;
        }
        if (domain instanceof Domain.False) {
            return false;
        }
        if (domain instanceof Domain.Not n) {
            return !matches(row, n.child());
        }
        if (domain instanceof Domain.And a) {
            return a.children().stream().allMatch(c -> matches(row, c));
        }
        if (domain instanceof Domain.Or o) {
            return o.children().stream().anyMatch(c -> matches(row, c));
        }
        return condition(row, (Domain.Condition) domain);
    }

    /** True when the domain has a leaf on {@code field} (Odoo then skips the implicit active filter). */
    static boolean mentions(Domain domain, String field) {
        if (domain instanceof Domain.Not n) {
            return mentions(n.child(), field);
        }
        if (domain instanceof Domain.And a) {
            return a.children().stream().anyMatch(c -> mentions(c, field));
        }
        if (domain instanceof Domain.Or o) {
            return o.children().stream().anyMatch(c -> mentions(c, field));
        }
        return domain instanceof Domain.Condition c && c.path().equals(field);
    }

    private static boolean condition(FakeOdoo.Row row, Domain.Condition c) {
        if (c.path().equals("write_date") || c.path().equals("create_date")) {
            Instant hidden = c.path().equals("write_date") ? row.writeDate : row.createDate;
            return datetime(hidden, c);
        }
        Object actual = plain(c.path().equals("id") ? (Object) row.id : row.values.get(c.path()));
        Object expected = c.value();
        return switch (c.operator()) {
            case EQ -> equal(actual, expected);
            case NE -> !equal(actual, expected);
            case IN -> ((Collection<?>) expected).stream().anyMatch(v -> equal(actual, v));
            case NOT_IN -> ((Collection<?>) expected).stream().noneMatch(v -> equal(actual, v));
            case GT -> compare(actual, expected) > 0;
            case GE -> compare(actual, expected) >= 0;
            case LT -> compare(actual, expected) < 0;
            case LE -> compare(actual, expected) <= 0;
            default -> throw new UnsupportedOperationException("fake Odoo does not evaluate operator " + c.operator());
        };
    }

    private static boolean datetime(Instant hidden, Domain.Condition c) {
        Instant s = literal(c.value());
        Instant next = s.plusSeconds(1);
        return switch (c.operator()) {
            case EQ -> !hidden.isBefore(s) && hidden.isBefore(next);
            case NE -> hidden.isBefore(s) || !hidden.isBefore(next);
            case GT -> !hidden.isBefore(next);
            case GE -> !hidden.isBefore(s);
            case LT -> hidden.isBefore(s);
            case LE -> hidden.isBefore(next);
            default -> throw new UnsupportedOperationException("fake Odoo does not evaluate datetime operator " + c.operator());
        };
    }

    private static Instant literal(Object value) {
        Instant i = value instanceof Instant in ? in : OdooValues.parseDatetime((String) value);
        if (!i.truncatedTo(ChronoUnit.SECONDS).equals(i)) {
            throw new IllegalArgumentException("a datetime literal on the wire has whole seconds, got " + i);
        }
        return i;
    }

    /** A many2one [id, name] compares as its id. */
    private static Object plain(Object v) {
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return v;
    }

    private static boolean equal(Object actual, Object expected) {
        Object e = plain(expected);
        if (e == null || Boolean.FALSE.equals(e)) {
            return actual == null || Boolean.FALSE.equals(actual);
        }
        if (actual instanceof Number a && e instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(actual, e);
    }

    private static int compare(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        throw new UnsupportedOperationException("fake Odoo compares numbers only, got " + actual + " and " + expected);
    }
}
