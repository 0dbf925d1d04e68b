package dev.odoobridge.vendors.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** CSV with a header row and a stable column order. */
final class CsvExport {
    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("source", "product_id", "default_code", "barcode", "name", "status",
            "on_hand", "incoming", "threshold", "velocity_per_day", "forecast_per_day", "forecast_method",
            "days_of_cover", "stockout_date", "near_expiry_lots");
    private static final CsvMapper CSV = new CsvMapper();

    private CsvExport() {
    }

    static void write(VendorStockReport report, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        try (SequenceWriter w = CSV.writer(schema.build()).without(
                com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            for (VendorStockRow r : report.rows()) {
                List<Object> row = new ArrayList<>(COLUMNS.size());
                row.add(r.source());
                row.add(r.productId());
                row.add(r.defaultCode() == null ? "" : r.defaultCode());
                row.add(r.barcode() == null ? "" : r.barcode());
                row.add(r.name() == null ? "" : r.name());
                row.add(r.status());
                row.add(Numbers.qty(r.onHand()));
                row.add(Numbers.qty(r.incoming()));
                row.add(Numbers.qty(r.threshold()));
                row.add(Numbers.rate(r.velocityPerDay()));
                row.add(Numbers.rate(r.forecastPerDay()));
                row.add(r.forecastMethod());
                row.add(r.daysOfCover() == null ? "" : Numbers.rate(r.daysOfCover()));
                row.add(r.stockoutDate() == null ? "" : r.stockoutDate().toString());
                row.add(r.nearExpiryLots().stream()
                        .map(l -> l.lotName() + "@" + l.expirationDate().toString().substring(0, 10)
                                + (l.expired() ? " (expired)" : ""))
                        .collect(Collectors.joining("; ")));
                w.write(row);
            }
        }
    }
}
