package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.vendors.export.ExportFormat;
import dev.odoobridge.vendors.export.ReportMailer;
import dev.odoobridge.vendors.export.VendorReports;
import dev.odoobridge.vendors.export.VendorStockReport;
import dev.odoobridge.vendors.export.VendorStockRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report stock}: a vendor's stock export as a table, CSV, JSON or HTML; written, printed or mailed. */
@Command(name = "stock", mixinStandardHelpOptions = true,
        description = {"A vendor's stock report: every product of the partners the vendor is linked to, with on hand, "
                + "incoming, threshold, status (urgent / moderate / healthy), sales velocity, forecast, days of cover "
                + "and lots near expiry.",
            "Formats: table (aligned text), csv, json (follows vendor-stock-export.schema.json), html (self-contained, "
                + "with a sales sparkline per product). --send mails it to the vendor through the shop's Odoo."},
        footer = {"%nExamples:%n  odoo-bridge report stock --vendor orders@acme.example",
            "  odoo-bridge report stock --vendor orders@acme.example --format html --out acme.html",
            "  odoo-bridge report stock --vendor orders@acme.example --format csv --send"})
public final class ReportStockCommand implements Callable<Integer> {
    /** Output formats: the export formats plus an aligned table. */
    enum Format { table, csv, json, html }

    @Option(names = "--vendor", required = true, paramLabel = "VENDOR", description = "The vendor (linked with `vendor link`).")
    String vendor;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of stdout.")
    Path out;

    @Option(names = "--send", description = "Mail the report (as an attachment; html for --format table) through "
            + "the Odoo of the vendor's first linked source.")
    boolean send;

    @Option(names = "--to", paramLabel = "EMAIL", description = "Recipient for --send (default: the vendor, when it is an email).")
    String to;

    @Option(names = "--days", paramLabel = "N", description = "Sales window in days (default: stock.velocity-window-days).")
    Integer days;

    private final CommandContext ctx;

    /** A command over the context. */
    public ReportStockCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        BridgeRuntime rt = ctx.runtime();
        String recipient = send ? recipient() : null;
        VendorScope scope = rt.vendorLinking().scopeOf(vendor);
        int window = days != null ? days : rt.config().stock().velocityWindowDays();
        if (window < 1) {
            throw new CliFailure(ExitCode.USAGE, "--days must be at least 1, was " + window);
        }
        VendorStockReport report = new VendorReports(rt.readModel().reports(), Clock.systemUTC())
                .stockReport(vendor, scope, window, rt.config().stock().nearExpiryDays());
        byte[] bytes = render(report);
        PrintWriter console = ctx.console().out();
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, bytes);
            ctx.console().err().println("Wrote " + report.rows().size() + " products (" + report.count("URGENT")
                    + " urgent, " + report.count("MODERATE") + " moderate) to " + out);
        } else if (!send) {
            console.print(new String(bytes, StandardCharsets.UTF_8));
        }
        if (send) {
            String source = scope.partnersBySource().keySet().iterator().next();
            ExportFormat mailed = format == Format.table ? ExportFormat.HTML : exportFormat();
            long mail = new ReportMailer(rt.odoo(source)).send(report, mailed, recipient);
            ctx.console().err().println("Mailed the " + mailed.extension() + " report to " + recipient + " through "
                    + source + "'s Odoo (mail.mail " + mail + ").");
        }
        console.flush();
        ctx.console().err().flush();
        return ExitCode.OK.code();
    }

    private String recipient() {
        if (to != null) {
            return to;
        }
        if (vendor.contains("@")) {
            return vendor;
        }
        throw new CliFailure(ExitCode.USAGE, "--send needs an address: the vendor '" + vendor
                + "' is not an email, pass --to EMAIL");
    }

    private ExportFormat exportFormat() {
        return ExportFormat.valueOf(format.name().toUpperCase(Locale.ROOT));
    }

    private byte[] render(VendorStockReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (format == Format.table) {
                writeTable(report, bytes);
            } else {
                exportFormat().write(report, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeTable(VendorStockReport report, OutputStream out) {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.println("Stock report for " + report.vendor() + " at " + report.generatedAt() + " (sales window "
                + report.windowDays() + " days): " + report.count("URGENT") + " urgent, " + report.count("MODERATE")
                + " moderate, " + report.count("HEALTHY") + " healthy");
        Table t = new Table("status", "source", "product", "code", "name", "on hand", "incoming", "threshold",
                "per day", "cover days", "stockout", "expiring lots");
        for (VendorStockRow r : report.rows()) {
            t.row(r.status().toLowerCase(Locale.ROOT), r.source(), r.productId(), r.defaultCode(), r.name(),
                    num(r.onHand()), num(r.incoming()), num(r.threshold()), num(r.forecastPerDay()),
                    r.daysOfCover() == null ? "" : String.format(Locale.ROOT, "%.1f", r.daysOfCover()),
                    r.stockoutDate(), r.nearExpiryLots().size());
        }
        t.print(w);
        w.flush();
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
