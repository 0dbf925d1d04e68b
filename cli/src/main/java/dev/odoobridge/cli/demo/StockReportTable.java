package dev.odoobridge.cli.demo;

import dev.odoobridge.vendors.export.VendorStockReport;
import dev.odoobridge.vendors.export.VendorStockRow;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a vendor stock report as a text table: the most urgent products first. */
final class StockReportTable {
    static final int ROWS = 12;
    private static final Map<String, Integer> URGENCY = Map.of("URGENT", 0, "MODERATE", 1, "HEALTHY", 2);

    private final Narrator narrator;

    StockReportTable(Narrator narrator) {
        this.narrator = narrator;
    }

    void print(VendorStockReport report) {
        narrator.line("%d products: %d urgent, %d moderate, %d healthy (sales window %d days)", report.rows().size(),
                report.count("URGENT"), report.count("MODERATE"), report.count("HEALTHY"), report.windowDays());
        List<VendorStockRow> rows = report.rows().stream()
                .sorted(Comparator.comparing((VendorStockRow r) -> URGENCY.getOrDefault(r.status(), 3))
                        .thenComparing(r -> r.daysOfCover() == null ? Double.MAX_VALUE : r.daysOfCover()))
                .limit(ROWS).toList();
        String format = "%-12s %-30s %8s %8s %9s %-8s %7s %7s %-10s";
        narrator.raw("");
        narrator.line(format, "code", "product", "on hand", "incoming", "threshold", "status", "sold/d", "cover d",
                "stockout");
        narrator.line("%s", "-".repeat(108));
        for (VendorStockRow r : rows) {
            narrator.line(format, cut(r.defaultCode(), 12), cut(withoutCode(r.name(), r.defaultCode()), 30), LiveChanges.fmt(r.onHand()),
                    LiveChanges.fmt(r.incoming()), LiveChanges.fmt(r.threshold()), r.status(),
                    String.format(Locale.ROOT, "%.2f", r.velocityPerDay()),
                    r.daysOfCover() == null ? "-" : String.format(Locale.ROOT, "%.0f", r.daysOfCover()),
                    r.stockoutDate() == null ? "-" : r.stockoutDate().toString());
        }
        if (report.rows().size() > rows.size()) {
            narrator.line("... and %d more products (all of them are in the exports)", report.rows().size() - rows.size());
        }
    }

    private static String withoutCode(String name, String code) {
        String prefix = "[" + code + "] ";
        return name != null && code != null && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private static String cut(String s, int width) {
        if (s == null) {
            return "-";
        }
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }
}
