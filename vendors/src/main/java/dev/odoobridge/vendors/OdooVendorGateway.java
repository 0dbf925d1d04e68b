package dev.odoobridge.vendors;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Partner lookup and code delivery through each source's own Odoo: codes go out as a
 * {@code mail.mail} with {@code auto_delete} set, so Odoo removes the message once sent.
 */
public final class OdooVendorGateway implements PartnerDirectory, OtpMailer {
    private final Map<String, OdooClient> sources;

    /** Over the configured sources' clients. */
    public OdooVendorGateway(Map<String, OdooClient> sources) {
        this.sources = Map.copyOf(Objects.requireNonNull(sources, "sources == null"));
    }

    @Override
    public boolean hasSource(String source) {
        return sources.containsKey(source);
    }

    @Override
    public Optional<Partner> find(String source, long partnerId) {
        if (partnerId <= 0) {
            return Optional.empty();
        }
        List<OdooRecord> rows = client(source).model("res.partner").read(List.of(partnerId), List.of("name", "email", "active"));
        return rows.stream().filter(r -> r.getBoolean("active"))
                .map(r -> new Partner(r.id(), r.getString("name"), r.getString("email"))).findFirst();
    }

    @Override
    public void send(String source, String emailTo, String subject, String htmlBody) {
        OdooClient client = client(source);
        long id = client.model("mail.mail").create(Map.of(
                "subject", subject,
                "body_html", htmlBody,
                "email_to", emailTo,
                "auto_delete", true));
        client.model("mail.mail").call("send", List.of(id), Map.of());
    }

    private OdooClient client(String source) {
        OdooClient c = sources.get(source);
        if (c == null) {
            throw new IllegalArgumentException("unknown source '" + source + "'");
        }
        return c;
    }
}
