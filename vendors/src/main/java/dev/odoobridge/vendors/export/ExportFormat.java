package dev.odoobridge.vendors.export;

import java.io.IOException;
import java.io.OutputStream;

/** The formats of a vendor stock export. */
public enum ExportFormat {
    /** Comma-separated values with a header row; columns in {@link CsvExport#COLUMNS} order. */
    CSV("text/csv", "csv"),
    /** JSON following {@code vendor-stock-export.schema.json} (shipped in the jar). */
    JSON("application/json", "json"),
    /** A self-contained HTML page: status table and a 120-day SVG sparkline per product, no external assets. */
    HTML("text/html", "html");

    private final String mimeType;
    private final String extension;

    ExportFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    /** MIME type for attachments. */
    public String mimeType() {
        return mimeType;
    }

    /** File extension without the dot. */
    public String extension() {
        return extension;
    }

    /** Writes the report in this format; the stream is flushed, not closed. */
    public void write(VendorStockReport report, OutputStream out) throws IOException {
        switch (this) {
            case CSV -> CsvExport.write(report, out);
            case JSON -> JsonExport.write(report, out);
            case HTML -> HtmlExport.write(report, out);
            default -> throw new IllegalStateException(name());
        }
        out.flush();
    }
}
