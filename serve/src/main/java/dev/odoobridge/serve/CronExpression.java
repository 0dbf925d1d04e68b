package dev.odoobridge.serve;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A classic five-field cron expression: {@code minute hour day-of-month month day-of-week}, each a
 * {@code *}, a number, a range {@code a-b}, a step {@code * /n}, {@code a-b/n} or {@code a/n}, or a
 * comma-separated list of those; months may be {@code JAN}..{@code DEC}, days of the week
 * {@code SUN}..{@code SAT} ({@code 0} and {@code 7} are Sunday). As in Vixie cron, when both the
 * day of the month and the day of the week are restricted, a day matching either one matches. The
 * macros {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily} and {@code @hourly} are
 * accepted. Immutable and thread-safe.
 *
 * <pre>{@code
 * CronExpression nightly = CronExpression.parse("30 3 * * *");   // 03:30 every day
 * ZonedDateTime next = nightly.next(ZonedDateTime.now(ZoneOffset.UTC)).orElseThrow();
 * }</pre>
 */
public final class CronExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronExpression(String text, String[] f) {
        this.text = text;
        this.minutes = field(f[0], "minute", 0, 59, null);
        this.hours = field(f[1], "hour", 0, 23, null);
        this.daysOfMonth = field(f[2], "day of month", 1, 31, null);
        this.months = field(f[3], "month", 1, 12, MONTHS);
        BitSet dow = field(f[4], "day of week", 0, 7, DAYS);
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        this.daysOfWeek = dow;
        this.domRestricted = !f[2].startsWith("*");
        this.dowRestricted = !f[4].startsWith("*");
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming the field and the problem when it is not valid
     */
    public static CronExpression parse(String expression) {
        Objects.requireNonNull(expression, "expression == null");
        String text = expression.trim();
        String expanded = switch (text.toLowerCase(Locale.ROOT)) {
            case "@yearly", "@annually" -> "0 0 1 1 *";
            case "@monthly" -> "0 0 1 * *";
            case "@weekly" -> "0 0 * * 0";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@hourly" -> "0 * * * *";
            default -> text;
        };
        String[] fields = expanded.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month "
                    + "day-of-week), e.g. '30 3 * * *'; '" + text + "' has " + (text.isEmpty() ? 0 : fields.length));
        }
        return new CronExpression(text, fields);
    }

    /**
     * The first time strictly after {@code after} (to the minute, in its zone) that matches, or empty
     * when none does within five years (e.g. {@code 0 0 30 2 *}).
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        Objects.requireNonNull(after, "after == null");
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = after.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String spec, String name, int min, int max, List<String> names) {
        BitSet out = new BitSet(max + 1);
        for (String part : spec.split(",", -1)) {
            if (part.isEmpty()) {
                throw bad(name, spec, "an empty list item");
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), name, spec, null);
                if (step <= 0) {
                    throw bad(name, spec, "a step must be positive");
                }
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max == 7 ? 6 : max;
            } else {
                int dash = range.indexOf('-');
                if (dash > 0) {
                    from = number(range.substring(0, dash), name, spec, names);
                    to = number(range.substring(dash + 1), name, spec, names);
                } else {
                    from = number(range, name, spec, names);
                    to = slash >= 0 ? (max == 7 ? 6 : max) : from;
                }
            }
            if (from < min || to > max || from > to) {
                throw bad(name, spec, "values must be within " + min + "-" + max + " and ranges ascending");
            }
            for (int v = from; v <= to; v += step) {
                out.set(v);
            }
        }
        return out;
    }

    private static int number(String s, String name, String spec, List<String> names) {
        if (names != null) {
            int i = names.indexOf(s.toUpperCase(Locale.ROOT));
            if (i >= 0) {
                return names == MONTHS ? i + 1 : i;
            }
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad(name, spec, "'" + s + "' is not a number" + (names == null ? "" : " or a name"));
        }
    }

    private static IllegalArgumentException bad(String name, String spec, String why) {
        return new IllegalArgumentException("cron " + name + " field '" + spec + "': " + why);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression c && c.minutes.equals(minutes) && c.hours.equals(hours)
                && c.daysOfMonth.equals(daysOfMonth) && c.months.equals(months) && c.daysOfWeek.equals(daysOfWeek)
                && c.domRestricted == domRestricted && c.dowRestricted == dowRestricted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minutes, hours, daysOfMonth, months, daysOfWeek, domRestricted, dowRestricted);
    }

    /** The expression as written. */
    @Override
    public String toString() {
        return text;
    }
}
