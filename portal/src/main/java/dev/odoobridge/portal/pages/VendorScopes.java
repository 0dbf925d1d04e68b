package dev.odoobridge.portal.pages;

import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.vendors.VendorLinkException;
import dev.odoobridge.vendors.VendorLinking;
import java.util.Objects;
import java.util.Optional;

/** The products a signed-in vendor may see: their scope, read fresh on every request (an unlink takes effect at once). */
@FunctionalInterface
public interface VendorScopes {

    /** The vendor's scope; empty when the vendor has no link. */
    Optional<VendorScope> of(String vendor);

    /** Scopes from the vendor links. */
    static VendorScopes linked(VendorLinking linking) {
        Objects.requireNonNull(linking, "linking == null");
        return vendor -> {
            try {
                return Optional.of(linking.scopeOf(vendor));
            } catch (VendorLinkException e) {
                if (e.reason() == VendorLinkException.Reason.NOT_LINKED) {
                    return Optional.empty();
                }
                throw e;
            }
        };
    }
}
