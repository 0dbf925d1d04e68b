package dev.odoobridge.readmodel.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.bson.Document;

/**
 * The daily deliveries a {@code product_stock} document keeps in {@value ProductStockBuilder#DELIVERED_DAILY}, packed:
 * {@code {start: "yyyy-MM-dd", days: [offset, ...], qty: [quantity, ...]}}, the days with deliveries only, each an
 * offset in days from {@code start} (ascending, as 32-bit integers), with the quantity delivered that day at the same
 * index. A reader sums a window straight into an array, without an object per day.
 *
 * <p>Views built before the packed shape keep a day → quantity document ({@code {"2026-11-20": 3.0, ...}}); it is
 * still read, with the same result, until the view's next rebuild.
 */
final class DeliveredDaily {
    static final String START = "start";
    static final String DAYS = "days";
    static final String QTY = "qty";

    private DeliveredDaily() {
    }

    /** The packed field of {@code byDay} (UTC day {@code yyyy-MM-dd} to quantity, ascending), offsets from {@code start}. */
    static Document pack(LocalDate start, SortedMap<String, Double> byDay) {
        long first = start.toEpochDay();
        List<Integer> days = new ArrayList<>(byDay.size());
        List<Double> qty = new ArrayList<>(byDay.size());
        for (Map.Entry<String, Double> e : byDay.entrySet()) {
            days.add(Math.toIntExact(LocalDate.parse(e.getKey()).toEpochDay() - first));
            qty.add(e.getValue());
        }
        return new Document(START, start.toString()).append(DAYS, days).append(QTY, qty);
    }

    /**
     * Adds the kept deliveries of the days {@code first .. first + into.length - 1} into {@code into} (index 0 =
     * {@code first}); returns how many kept days fell in that window (a day kept with a zero quantity counts: a
     * delivery of nothing is still a delivery, as in the move aggregation), or -1 when {@code field} is neither shape
     * (absent, or not readable), {@code into} then partly filled and not to be used.
     */
    static int addWindow(Object field, LocalDate first, double[] into) {
        if (!(field instanceof Document d)) {
            return -1;
        }
        Object qty = d.get(QTY);
        if (qty instanceof List<?> quantities) {
            return addPacked(d, quantities, first, into);
        }
        if (qty != null || d.containsKey(START) || d.containsKey(DAYS)) {
            return -1;
        }
        return addByDay(d, first, into);
    }

    private static int addPacked(Document d, List<?> quantities, LocalDate first, double[] into) {
        if (!(d.get(START) instanceof String start) || !(d.get(DAYS) instanceof List<?> days)
                || days.size() != quantities.size()) {
            return -1;
        }
        long shift;
        try {
            shift = LocalDate.parse(start).toEpochDay() - first.toEpochDay();
        } catch (DateTimeParseException e) {
            return -1;
        }
        int found = 0;
        for (int k = 0; k < days.size(); k++) {
            if (!(days.get(k) instanceof Number offset) || !(quantities.get(k) instanceof Number q)) {
                return -1;
            }
            long i = shift + offset.longValue();
            if (i >= 0 && i < into.length) {
                into[(int) i] += q.doubleValue();
                found++;
            }
        }
        return found;
    }

    /** The older shape: a {@code yyyy-MM-dd} → quantity document. */
    private static int addByDay(Document d, LocalDate first, double[] into) {
        String from = first.toString();
        String to = first.plusDays(into.length - 1L).toString();
        long firstDay = first.toEpochDay();
        int found = 0;
        for (Map.Entry<String, Object> e : d.entrySet()) {
            String day = e.getKey();
            if (day.compareTo(from) >= 0 && day.compareTo(to) <= 0) {
                LocalDate parsed;
                try {
                    parsed = LocalDate.parse(day);
                } catch (DateTimeParseException ex) {
                    return -1;
                }
                into[(int) (parsed.toEpochDay() - firstDay)] += StockAggregations.asDouble(e.getValue());
                found++;
            }
        }
        return found;
    }
}
