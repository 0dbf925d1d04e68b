package dev.odoobridge.cli.demo;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.vendors.LinkChallenge;
import dev.odoobridge.vendors.OdooVendorGateway;
import dev.odoobridge.vendors.OtpPolicy;
import dev.odoobridge.vendors.VendorLink;
import dev.odoobridge.vendors.VendorLinking;
import dev.odoobridge.vendors.VendorStores;
import dev.odoobridge.vendors.export.ExportFormat;
import dev.odoobridge.vendors.export.VendorReports;
import dev.odoobridge.vendors.export.VendorStockReport;
import dev.odoobridge.testkit.RetailDataSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The vendor part of the demo: the demo vendor is linked to its Odoo partner with a one-time code
 * sent through Odoo's mail queue, then gets its stock report, scoped to its own products.
 */
final class VendorDemo {
    static final int NEAR_EXPIRY_DAYS = 30;

    private final OdooClient odoo;
    private final StateDatabase db;
    private final ReadModel readModel;
    private final DemoSettings settings;
    private final Narrator narrator;

    VendorDemo(OdooClient odoo, StateDatabase db, ReadModel readModel, DemoSettings settings, Narrator narrator) {
        this.odoo = odoo;
        this.db = db;
        this.readModel = readModel;
        this.settings = settings;
        this.narrator = narrator;
    }

    Result run(RetailDataSummary data) {
        long partnerId = data.demoVendorId();
        OdooRecord partner = odoo.model("res.partner").read(List.of(partnerId), List.of("name", "email")).get(0);
        if (partner.getString("email") == null) {
            throw new IllegalStateException("the demo vendor (partner " + partnerId + ") has no email to send a code to");
        }
        String vendor = partner.getString("email");
        narrator.step("Linking the vendor " + partner.getString("name") + " to its Odoo partner with a one-time code");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        DemoInbox inbox = new DemoInbox(Map.of(DemoRun.SOURCE, odoo));
        VendorLinking linking = new VendorLinking(VendorStores.postgres(db), new OdooVendorGateway(Map.of(DemoRun.SOURCE, odoo)), inbox,
                secret, OtpPolicy.DEFAULT, VendorLinking.DeliveryTarget.PARTNER, Clock.systemUTC());
        LinkChallenge challenge = linking.requestLink(vendor, DemoRun.SOURCE, partnerId, null);
        DemoInbox.Mail mail = inbox.latestFor(partner.getString("email"));
        narrator.line("vendor '%s' asked to be linked to partner %d (%s)", vendor, partnerId, partner.getString("name"));
        narrator.line("Odoo sent mail.mail %d to %s: \"%s\" (odoo-bridge keeps only an HMAC of the code;"
                + " valid until %s)", mail.mailId(), challenge.sentTo(), mail.subject(), challenge.expiresAt());
        narrator.line("in real life the vendor reads the code from their inbox; the demo reads the mail Odoo sent: %s",
                mail.code());
        VendorLink link = linking.confirm(vendor, mail.code());
        VendorScope scope = linking.scopeOf(vendor);
        narrator.line("linked: %s -> %s partner %d at %s", link.vendor(), link.source(), link.partnerId(), link.linkedAt());

        narrator.step("The vendor's stock report, answered from MongoDB and scoped to its own products");
        VendorStockReport report = new VendorReports(readModel.reports(), Clock.systemUTC())
                .stockReport(vendor, scope, Reports.DEFAULT_WINDOW_DAYS, NEAR_EXPIRY_DAYS);
        new StockReportTable(narrator).print(report);
        List<Path> files = writeExports(report, vendor);
        narrator.raw("");
        for (Path f : files) {
            narrator.line("wrote %s (%,d bytes)", f, size(f));
        }
        return new Result(vendor, partner.getString("name"), report.rows().size(), report.count("URGENT"), files);
    }

    private List<Path> writeExports(VendorStockReport report, String vendor) {
        String base = vendor.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        List<Path> files = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            Path file = settings.exports().resolve(base + "-stock." + format.extension());
            try (OutputStream out = Files.newOutputStream(file)) {
                format.write(report, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write the " + format + " export " + file, e);
            }
            files.add(file);
        }
        return files;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the size of " + f, e);
        }
    }

    /**
     * What the vendor part did.
     *
     * @param vendor vendor identity
     * @param partnerName the linked partner's name
     * @param products products in the vendor's report
     * @param urgent products below their threshold
     * @param exports files written
     */
    record Result(String vendor, String partnerName, int products, long urgent, List<Path> exports) {
        Result {
            exports = List.copyOf(exports);
        }
    }
}
