package dev.odoobridge.portal.auth;

/** Who may sign in without a vendor link yet: the addresses of active suppliers, as a shop's Odoo knows them. */
@FunctionalInterface
public interface SupplierDirectory {

    /** True when some configured source has an active supplier partner with this email (lower-cased). */
    boolean isSupplier(String email);
}
