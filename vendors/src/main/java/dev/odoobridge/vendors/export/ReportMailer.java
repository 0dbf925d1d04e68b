package dev.odoobridge.vendors.export;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.value.Command;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends an export to a vendor through a shop's Odoo: an {@code ir.attachment} holding the file
 * and a {@code mail.mail} carrying it, sent at once.
 */
public final class ReportMailer {
    private final OdooClient odoo;

    /** Sends through this Odoo. */
    public ReportMailer(OdooClient odoo) {
        this.odoo = Objects.requireNonNull(odoo, "odoo == null");
    }

    /** Mails the report in {@code format} to {@code emailTo}; returns the mail.mail id. */
    public long send(VendorStockReport report, ExportFormat format, String emailTo) {
        Objects.requireNonNull(emailTo, "emailTo == null");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            format.write(report, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = "stock-report-" + report.generatedAt().toString().substring(0, 10) + "." + format.extension();
        long attachment = odoo.model("ir.attachment").create(Map.of(
                "name", fileName,
                "type", "binary",
                "datas", Base64.getEncoder().encodeToString(bytes.toByteArray()),
                "mimetype", format.mimeType(),
                "res_model", "mail.mail"));
        long mail = odoo.model("mail.mail").create(Map.of(
                "subject", "Stock report " + report.generatedAt().toString().substring(0, 10),
                "email_to", emailTo,
                "body_html", "<p>Your stock report is attached: " + report.count("URGENT") + " urgent, "
                        + report.count("MODERATE") + " moderate, " + report.count("HEALTHY") + " healthy products.</p>",
                "attachment_ids", List.of(Command.set(List.of(attachment))),
                "auto_delete", true));
        odoo.model("mail.mail").call("send", List.of(mail), Map.of());
        return mail;
    }
}
