package dev.odoobridge.vendors;

import java.time.Instant;
import java.util.Objects;

/**
 * A confirmed link between a vendor and a partner of a source.
 *
 * @param vendor vendor identity (email or external id)
 * @param source source name
 * @param partnerId the Odoo res.partner id
 * @param linkedAt when the code was confirmed
 * @param linkedBy who confirmed (the vendor identity or an operator)
 */
public record VendorLink(String vendor, String source, long partnerId, Instant linkedAt, String linkedBy) {
    public VendorLink {
        Objects.requireNonNull(vendor, "vendor == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(linkedAt, "linkedAt == null");
    }
}
