package dev.odoobridge.portal.chart;

import dev.odoobridge.portal.data.DayPoint;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A product's daily sales and stock as one SVG element: units sold per day as bars on the left axis, the end-of-day
 * on hand as a line on the right axis, dates along the bottom. The element scales to its container's width (viewBox,
 * {@code width="100%"}), carries {@code role="img"} with a {@code <title>} and a {@code <desc>} that sums the chart up
 * in one sentence, and has no script and no {@code style} attribute: every mark is drawn in {@code currentColor} inside
 * a group with a class ({@code chart-sales}, {@code chart-stock}, {@code chart-axis}, {@code chart-grid}), so the page's
 * stylesheet sets the colours (and dark mode) with {@code .chart-sales { color: ... }}. Without a stylesheet the bars
 * are translucent and the line solid, in the text colour.
 *
 * <p>The output depends only on the arguments (numbers formatted with {@link Locale#ROOT}, dates in English). Each
 * axis spans zero to its largest value (down to the smallest when negative), so the largest value touches the top of
 * the plot; non-finite values are drawn as zero.
 */
public final class TrendChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    static final int LEFT = 56;
    static final int RIGHT = 64;
    static final int TOP = 28;
    static final int BOTTOM = 44;
    private static final double LIMIT = 1e300;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private TrendChart() {
    }

    /**
     * The chart as a complete {@code <svg>} element.
     *
     * @param trend one point per day, oldest first (may be empty)
     * @param title the chart's accessible title, e.g. the product's name (escaped here)
     * @return the SVG markup, ready to be placed unescaped in an HTML page
     */
    public static String svg(List<DayPoint> trend, String title) {
        Objects.requireNonNull(trend, "trend == null");
        String name = title == null ? "" : title;
        int n = trend.size();
        double[] sold = new double[n];
        double[] stock = new double[n];
        for (int i = 0; i < n; i++) {
            DayPoint p = Objects.requireNonNull(trend.get(i), "trend point == null");
            sold[i] = finite(p.sold());
            stock[i] = finite(p.onHand());
        }
        StringBuilder s = new StringBuilder(8_192 + n * 120);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart trend-chart\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"")
                .append(" aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\"")
                .append(" font-family=\"system-ui, sans-serif\" font-size=\"11\">");
        s.append("<title id=\"chart-title\">").append(escape(name)).append("</title>");
        s.append("<desc id=\"chart-desc\">").append(escape(summary(trend, sold, stock))).append("</desc>");
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int bottom = TOP + plotH;
        if (n == 0) {
            s.append("<g class=\"chart-axis\" fill=\"currentColor\"><text x=\"").append(WIDTH / 2).append("\" y=\"")
                    .append(HEIGHT / 2).append("\" text-anchor=\"middle\">No data for this period</text></g></svg>");
            return s.toString();
        }
        Scale sales = Scale.of(sold, TOP, bottom);
        Scale onHand = Scale.of(stock, TOP, bottom);
        double band = (double) plotW / n;

        // grid and left axis (sales)
        s.append("<g class=\"chart-grid\" stroke=\"currentColor\" stroke-opacity=\"0.15\" stroke-width=\"1\">");
        for (double t : sales.ticks()) {
            double y = sales.y(t);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"").append(num(y))
                    .append("\" y2=\"").append(num(y)).append("\"/>");
        }
        s.append("</g>");

        // bars
        s.append("<g class=\"chart-sales\" fill=\"currentColor\" fill-opacity=\"0.55\">");
        double zero = sales.y(0);
        double barW = Math.max(0.5, band * 0.7);
        for (int i = 0; i < n; i++) {
            if (sold[i] == 0) {
                continue;
            }
            double y = sales.y(sold[i]);
            double x = LEFT + i * band + (band - barW) / 2;
            s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(Math.min(y, zero))).append("\" width=\"")
                    .append(num(barW)).append("\" height=\"").append(num(Math.max(0.5, Math.abs(zero - y)))).append("\"/>");
        }
        s.append("</g>");

        // line
        s.append("<g class=\"chart-stock\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linejoin=\"round\">");
        s.append("<polyline points=\"");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(num(LEFT + (i + 0.5) * band)).append(',').append(num(onHand.y(stock[i])));
        }
        s.append("\"/>");
        s.append("<circle cx=\"").append(num(LEFT + (n - 0.5) * band)).append("\" cy=\"").append(num(onHand.y(stock[n - 1])))
                .append("\" r=\"3\" fill=\"currentColor\"/>");
        s.append("</g>");

        // axes, ticks and labels
        s.append("<g class=\"chart-axis\" fill=\"currentColor\" stroke=\"none\">");
        s.append("<path d=\"M").append(LEFT).append(' ').append(TOP).append("V").append(bottom).append("H").append(LEFT + plotW)
                .append("V").append(TOP).append("\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.6\"/>");
        for (double t : sales.ticks()) {
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(sales.y(t) + 4))
                    .append("\" text-anchor=\"end\">").append(escape(compact(t))).append("</text>");
        }
        for (double t : onHand.ticks()) {
            s.append("<text x=\"").append(LEFT + plotW + 6).append("\" y=\"").append(num(onHand.y(t) + 4))
                    .append("\" text-anchor=\"start\">").append(escape(compact(t))).append("</text>");
        }
        for (int i : dateTicks(n)) {
            double x = LEFT + (i + 0.5) * band;
            s.append("<path d=\"M").append(num(x)).append(' ').append(bottom).append("v4\" stroke=\"currentColor\"/>");
            s.append("<text x=\"").append(num(x)).append("\" y=\"").append(bottom + 16).append("\" text-anchor=\"middle\">")
                    .append(escape(TICK.format(trend.get(i).day()))).append("</text>");
        }
        s.append("<text x=\"").append(LEFT).append("\" y=\"").append(TOP - 10).append("\" text-anchor=\"start\">")
                .append("Units sold per day (bars)</text>");
        s.append("<text x=\"").append(LEFT + plotW).append("\" y=\"").append(TOP - 10).append("\" text-anchor=\"end\">")
                .append("On hand at end of day (line)</text>");
        s.append("<text x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(HEIGHT - 6).append("\" text-anchor=\"middle\">")
                .append("Day (UTC)</text>");
        s.append("</g></svg>");
        return s.toString();
    }

    /** One sentence: the period, units sold, the busiest day, the stock's range and its last value. */
    static String summary(List<DayPoint> trend, double[] sold, double[] stock) {
        int n = trend.size();
        if (n == 0) {
            return "No sales or stock data for this period.";
        }
        double total = 0;
        double busiest = sold[0];
        double min = stock[0];
        double max = stock[0];
        for (int i = 0; i < n; i++) {
            total += sold[i];
            busiest = Math.max(busiest, sold[i]);
            min = Math.min(min, stock[i]);
            max = Math.max(max, stock[i]);
        }
        String period = n == 1 ? "On " + DAY.format(trend.get(0).day())
                : "Over " + n + " days from " + DAY.format(trend.get(0).day()) + " to " + DAY.format(trend.get(n - 1).day());
        String sales = total == 0 ? "no units sold"
                : plain(total) + " units sold (" + plain(total / n) + " per day, at most " + plain(busiest) + " in a day)";
        return period + ": " + sales + "; on hand between " + plain(min) + " and " + plain(max) + ", " + plain(stock[n - 1])
                + " at the end.";
    }

    /** Indexes of the days labelled on the date axis: about six, evenly spaced, the last day always among them. */
    static List<Integer> dateTicks(int n) {
        List<Integer> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        int step = Math.max(1, (int) Math.ceil(n / 6.0));
        for (int i = n - 1; i >= 0; i -= step) {
            out.add(0, i);
        }
        return out;
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // characters XML 1.0 does not allow are dropped
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            b.append(c);
                        }
                    }
                }
            }
        }
        return b.toString();
    }

    /** A quantity for the summary: whole numbers without decimals, others with up to two, huge ones in e-notation. */
    static String plain(double v) {
        if (Math.abs(v) >= 1e15) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        String s = String.format(Locale.ROOT, "%,.2f", v);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /** A tick label: 950, 1.2k, 3.5M, 7G, 2T; beyond that e-notation. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e15) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        String[] units = {"T", "G", "M", "k"};
        double[] sizes = {1e12, 1e9, 1e6, 1e3};
        for (int i = 0; i < units.length; i++) {
            if (a >= sizes[i]) {
                return trim(String.format(Locale.ROOT, "%.1f", v / sizes[i])) + units[i];
            }
        }
        return trim(String.format(Locale.ROOT, a != 0 && a < 1 ? "%.2f" : "%.1f", v));
    }

    private static String trim(String s) {
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.equals("-0") ? "0" : s;
    }

    static String num(double v) {
        return trim(String.format(Locale.ROOT, "%.1f", v));
    }

    private static double finite(double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }

    /** A linear scale from [lo, hi] (zero included, hi the largest value) to [bottom, top] pixels. */
    record Scale(double lo, double hi, int top, int bottom) {
        static Scale of(double[] values, int top, int bottom) {
            double lo = 0;
            double hi = 0;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi == lo) {
                hi = lo + 1;
            }
            return new Scale(lo, hi, top, bottom);
        }

        double y(double v) {
            return bottom - (v - lo) / (hi - lo) * (bottom - top);
        }

        /** Round values inside [lo, hi], zero among them, about five of them. */
        List<Double> ticks() {
            double range = hi - lo;
            double raw = range / 5;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = mag;
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * mag >= raw) {
                    step = m * mag;
                    break;
                }
            }
            List<Double> out = new ArrayList<>();
            long first = (long) Math.ceil(lo / step - 1e-9);
            long last = (long) Math.floor(hi / step + 1e-9);
            for (long k = first; k <= last && out.size() < 12; k++) {
                out.add(k * step);
            }
            return out;
        }
    }
}
