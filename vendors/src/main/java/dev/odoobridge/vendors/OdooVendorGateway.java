package dev.odoobridge.vendors;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import java.util.List;
import java.util.Locale;
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
    public List<Partner> findByEmail(String source, String email) {
        String wanted = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty() || wanted.indexOf('@') < 1) {
            return List.of();
        }
        // ilike finds candidates (its '%' and '_' would be wildcards); the exact comparison keeps the address only
        return client(source).model("res.partner").searchRead(Domains.ilike("email", wanted), List.of("name", "email"))
                .stream().filter(r -> r.getString("email") != null
                        && r.getString("email").strip().toLowerCase(Locale.ROOT).equals(wanted))
                .map(r -> new Partner(r.id(), r.getString("name"), r.getString("email"))).toList();
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
