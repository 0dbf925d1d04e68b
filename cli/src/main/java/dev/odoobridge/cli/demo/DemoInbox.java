package dev.odoobridge.cli.demo;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.vendors.OtpMailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends codes the way the library's Odoo gateway does (a {@code mail.mail} created in the shop's
 * Odoo, then sent), but reads the queued mail back from Odoo before sending it: the demo's
 * stand-in for the vendor's inbox. In real life the vendor reads the code in their own mailbox.
 */
final class DemoInbox implements OtpMailer {
    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    private final Map<String, OdooClient> sources;
    private final List<Mail> received = new ArrayList<>();

    DemoInbox(Map<String, OdooClient> sources) {
        this.sources = Map.copyOf(Objects.requireNonNull(sources, "sources == null"));
    }

    @Override
    public void send(String source, String emailTo, String subject, String htmlBody) {
        OdooClient client = sources.get(source);
        if (client == null) {
            throw new IllegalArgumentException("unknown source '" + source + "'; the demo has " + sources.keySet());
        }
        ModelHandle mails = client.model("mail.mail");
        long id = mails.create(Map.of("subject", subject, "body_html", htmlBody, "email_to", emailTo,
                "auto_delete", true));
        OdooRecord queued = mails.read(List.of(id), List.of("subject", "email_to", "body_html")).get(0);
        synchronized (received) {
            received.add(new Mail(id, queued.getString("email_to"), queued.getString("subject"),
                    queued.getString("body_html")));
        }
        mails.call("send", List.of(id), Map.of());
    }

    /** The newest mail sent to {@code emailTo}. */
    Mail latestFor(String emailTo) {
        synchronized (received) {
            for (int i = received.size() - 1; i >= 0; i--) {
                if (received.get(i).to().equalsIgnoreCase(emailTo)) {
                    return received.get(i);
                }
            }
        }
        throw new IllegalStateException("no mail was sent to " + emailTo);
    }

    /**
     * A mail as Odoo queued it.
     *
     * @param mailId the mail.mail id in Odoo
     * @param to recipient
     * @param subject subject
     * @param bodyHtml HTML body
     */
    record Mail(long mailId, String to, String subject, String bodyHtml) {
        /** The 6-digit code in the body. */
        String code() {
            Matcher m = CODE.matcher(bodyHtml.replaceAll("<[^>]*>", " "));
            if (!m.find()) {
                throw new IllegalStateException("the mail to " + to + " holds no 6-digit code");
            }
            return m.group(1);
        }
    }
}
