package dev.odoobridge.vendors.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON export; the shape is documented by {@code /dev/odoobridge/vendors/export/vendor-stock-export.schema.json}:
 * {@code {"schema": "odoo-bridge/vendor-stock-export/v1", "vendor", "generated_at", "window_days",
 * "summary": {"urgent","moderate","healthy"}, "products": [...]}}.
 */
final class JsonExport {
    /** Identifier of the schema version written. */
    static final String SCHEMA_ID = "odoo-bridge/vendor-stock-export/v1";
    private static final JsonFactory JSON = new JsonFactory();

    private JsonExport() {
    }

    static void write(VendorStockReport report, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA_ID);
            g.writeStringField("vendor", report.vendor());
            g.writeStringField("generated_at", report.generatedAt().toString());
            g.writeNumberField("window_days", report.windowDays());
            g.writeObjectFieldStart("summary");
            g.writeNumberField("urgent", report.count("URGENT"));
            g.writeNumberField("moderate", report.count("MODERATE"));
            g.writeNumberField("healthy", report.count("HEALTHY"));
            g.writeEndObject();
            g.writeArrayFieldStart("products");
            for (VendorStockRow r : report.rows()) {
                g.writeStartObject();
                g.writeStringField("source", r.source());
                g.writeNumberField("product_id", r.productId());
                g.writeStringField("default_code", r.defaultCode());
                g.writeStringField("barcode", r.barcode());
                g.writeStringField("name", r.name());
                g.writeStringField("status", r.status());
                g.writeNumberField("on_hand", r.onHand());
                g.writeNumberField("incoming", r.incoming());
                g.writeNumberField("threshold", r.threshold());
                g.writeNumberField("velocity_per_day", r.velocityPerDay());
                g.writeNumberField("forecast_per_day", r.forecastPerDay());
                g.writeStringField("forecast_method", r.forecastMethod());
                if (r.daysOfCover() == null) {
                    g.writeNullField("days_of_cover");
                } else {
                    g.writeNumberField("days_of_cover", r.daysOfCover());
                }
                g.writeStringField("stockout_date", r.stockoutDate() == null ? null : r.stockoutDate().toString());
                g.writeArrayFieldStart("near_expiry_lots");
                for (VendorStockRow.LotExpiry l : r.nearExpiryLots()) {
                    g.writeStartObject();
                    g.writeStringField("lot", l.lotName());
                    g.writeStringField("expiration_date", l.expirationDate().toString());
                    g.writeNumberField("quantity", l.quantity());
                    g.writeBooleanField("expired", l.expired());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("daily_sales");
                for (double d : r.dailySales()) {
                    g.writeNumber(d);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
