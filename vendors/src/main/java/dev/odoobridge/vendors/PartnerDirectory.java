package dev.odoobridge.vendors;

import java.util.List;
import java.util.Optional;

/** Looks partners up in a source's Odoo. */
public interface PartnerDirectory {

    /** The partner's name and email, if Odoo has an active partner with that id; throws if the source is unknown. */
    Optional<Partner> find(String source, long partnerId);

    /**
     * The active partners of the source whose email is {@code email} (compared without case), so a vendor can name
     * their partner by its address; throws if the source is unknown.
     */
    List<Partner> findByEmail(String source, String email);

    /** True when the source is configured. */
    boolean hasSource(String source);

    /**
     * A partner.
     *
     * @param id partner id
     * @param name display name
     * @param email email or null
     */
    record Partner(long id, String name, String email) {
    }
}
