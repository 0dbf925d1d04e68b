package dev.odoobridge.portal.chart;

import dev.odoobridge.portal.data.DayPoint;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A product's daily sales (bars) and end-of-day stock (line) as one inline SVG element: no script, no external
 * asset, readable by screen readers through its {@code <title>} and {@code <desc>}. Colours come from the portal's
 * stylesheet (classes {@code chart}, {@code sold}, {@code stock}, {@code axis}), so the chart follows dark mode.
 */
public final class TrendChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 44;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    private TrendChart() {
    }

    /**
     * The chart as a complete {@code <svg>} element, every text escaped.
     *
     * @param trend one point per day, oldest first
     * @param title the chart's accessible title
     * @return SVG markup
     */
    public static String svg(List<DayPoint> trend, String title) {
        Objects.requireNonNull(trend, "trend == null");
        Objects.requireNonNull(title, "title == null");
        double maxSold = 0;
        double maxStock = 0;
        double totalSold = 0;
        for (DayPoint p : trend) {
            maxSold = Math.max(maxSold, finite(p.sold()));
            maxStock = Math.max(maxStock, finite(p.onHand()));
            totalSold += finite(p.sold());
        }
        StringBuilder s = new StringBuilder(256 + trend.size() * 90);
        s.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">");
        s.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
        s.append("<desc id=\"chart-desc\">").append(escape(describe(trend, totalSold, maxSold, maxStock))).append("</desc>");
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int baseY = TOP + plotH;
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(baseY).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(baseY).append("\"/>");
        label(s, LEFT - 6, TOP + 10, "end", num(maxSold));
        label(s, LEFT - 6, baseY, "end", "0");
        label(s, WIDTH - RIGHT + 6, TOP + 10, "start", num(maxStock));
        label(s, WIDTH - RIGHT + 6, baseY, "start", "0");
        if (!trend.isEmpty()) {
            label(s, LEFT, HEIGHT - 8, "start", trend.get(0).day().toString());
            label(s, WIDTH - RIGHT, HEIGHT - 8, "end", trend.get(trend.size() - 1).day().toString());
            double step = (double) plotW / trend.size();
            s.append("<g class=\"sold\">");
            for (int i = 0; i < trend.size(); i++) {
                double sold = finite(trend.get(i).sold());
                if (sold <= 0 || maxSold <= 0) {
                    continue;
                }
                double h = sold / maxSold * plotH;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                        LEFT + i * step, baseY - h, Math.max(step - 1, 0.5), h));
            }
            s.append("</g><polyline class=\"stock\" fill=\"none\" points=\"");
            for (int i = 0; i < trend.size(); i++) {
                double stock = finite(trend.get(i).onHand());
                double y = maxStock <= 0 ? baseY : baseY - Math.max(stock, 0) / maxStock * plotH;
                s.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + (i + 0.5) * step, y));
            }
            s.setLength(s.length() - 1);
            s.append("\"/>");
        }
        return s.append("</svg>").toString();
    }

    private static String describe(List<DayPoint> trend, double totalSold, double maxSold, double maxStock) {
        if (trend.isEmpty()) {
            return "No data.";
        }
        DayPoint first = trend.get(0);
        DayPoint last = trend.get(trend.size() - 1);
        return "Bars: units sold per day; line: stock on hand at the end of each day; from " + first.day() + " to "
                + last.day() + ". " + num(totalSold) + " units sold in " + trend.size() + " days, at most " + num(maxSold)
                + " in a day. Stock went from " + num(first.onHand()) + " to " + num(last.onHand()) + ", peak "
                + num(maxStock) + ".";
    }

    private static void label(StringBuilder s, int x, int y, String anchor, String text) {
        s.append("<text class=\"axis\" x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(escape(text)).append("</text>");
    }

    private static double finite(double d) {
        return Double.isFinite(d) ? d : 0;
    }

    private static String num(double d) {
        double v = finite(d);
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
