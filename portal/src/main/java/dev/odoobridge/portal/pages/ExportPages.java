package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.Router;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.vendors.VendorStore;
import dev.odoobridge.vendors.export.ExportFormat;
import dev.odoobridge.vendors.export.VendorReports;
import dev.odoobridge.vendors.export.VendorStockReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET /export/{source}/{format}} and {@code GET /export/{source}.{format}} (format csv, json or html): the stock
 * export of the vendor's products in one linked shop, as an attachment. A shop that is not linked is a 404; every
 * download is written to the vendor audit trail.
 */
public final class ExportPages implements PageModule {
    private final VendorReports reports;
    private final VendorScopes scopes;
    private final VendorStore audit;
    private final int windowDays;
    private final int nearExpiryDays;
    private final Clock clock;

    /**
     * @param reports the vendor stock reports
     * @param scopes the vendor's scope
     * @param audit where downloads are recorded
     * @param windowDays sales window of velocity and forecasts
     * @param nearExpiryDays lots expiring within this many days are listed
     * @param clock time of the audit events and file names
     */
    public ExportPages(VendorReports reports, VendorScopes scopes, VendorStore audit, int windowDays, int nearExpiryDays,
                       Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports == null");
        this.scopes = Objects.requireNonNull(scopes, "scopes == null");
        this.audit = Objects.requireNonNull(audit, "audit == null");
        if (windowDays < 1 || nearExpiryDays < 0) {
            throw new IllegalArgumentException("windowDays must be >= 1 and nearExpiryDays >= 0");
        }
        this.windowDays = windowDays;
        this.nearExpiryDays = nearExpiryDays;
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public void register(Router router) {
        router.get("/export/{source}/{format}", e -> export(e, e.pathParam("source"), e.pathParam("format")));
        router.get("/export/{file}", e -> {
            String file = e.pathParam("file");
            int dot = file.lastIndexOf('.');
            if (dot <= 0) {
                throw PortalException.notFound();
            }
            export(e, file.substring(0, dot), file.substring(dot + 1));
        });
    }

    private void export(Exchange exchange, String source, String extension) throws IOException {
        ExportFormat format = switch (extension) {
            case "csv" -> ExportFormat.CSV;
            case "json" -> ExportFormat.JSON;
            case "html" -> ExportFormat.HTML;
            default -> throw PortalException.notFound();
        };
        String vendor = exchange.vendor().vendor();
        VendorScope scope = scopes.of(vendor).orElseThrow(PortalException::notFound);
        Set<Long> partners = scope.partnersBySource().get(source);
        if (partners == null) {
            throw PortalException.notFound();
        }
        VendorStockReport report = reports.stockReport(vendor, VendorScope.of(source, partners), windowDays,
                nearExpiryDays);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        format.write(report, out);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String file = "stock-" + safe(source) + "-" + today + "." + format.extension();
        audit.audit(vendor, source, null, "download", format.extension() + ", " + report.rows().size() + " products",
                clock.instant());
        String type = format.mimeType() + (format == ExportFormat.JSON ? "" : "; charset=utf-8");
        exchange.download(file, type, out.toByteArray());
    }

    /** The shop's name as a file-name part: letters, digits, dot, dash and underscore only, at most 60. */
    static String safe(String source) {
        String s = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "shop";
        }
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
