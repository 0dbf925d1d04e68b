package dev.odoobridge.portal.pages;

import dev.odoobridge.readmodel.report.StockStatus;
import java.time.LocalDate;
import java.util.Locale;

/** How the pages print numbers, dates and statuses (called from the templates). */
public final class Show {
    private Show() {
    }

    /** A quantity: whole numbers without decimals, others with up to two. */
    public static String qty(double d) {
        if (!Double.isFinite(d)) {
            return "–";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A rate per day with one decimal. */
    public static String rate(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.1f", d) : "–";
    }

    /** Days of cover, or a dash without demand. */
    public static String cover(Double d) {
        return d == null ? "–" : rate(d);
    }

    /** A date, or a dash. */
    public static String date(LocalDate d) {
        return d == null ? "–" : d.toString();
    }

    /** Text or a dash. */
    public static String text(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    /** The badge's text: Urgent, Moderate, Healthy. */
    public static String label(StockStatus status) {
        String n = status.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The badge's CSS class: urgent, moderate, healthy. */
    public static String css(StockStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
