package dev.odoobridge.access;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a request may read: one source, optionally only the products of one vendor (a
 * {@code res.partner} id of that source, applied as vendor reports do: the products of the vendor's
 * supplier infos), and optionally only some tables or resources (empty = all). Every query made for
 * a request applies its scope as its first stage.
 *
 * @param source the source (tenant) every read is limited to
 * @param vendorPartnerId the vendor partner whose products alone are visible, if any
 * @param resources allowed table or resource names; empty means every one
 */
public record ApiScope(String source, OptionalLong vendorPartnerId, Set<String> resources) {

    /** Validates and copies. */
    public ApiScope {
        Objects.requireNonNull(source, "source == null");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source is blank");
        }
        Objects.requireNonNull(vendorPartnerId, "vendorPartnerId == null");
        resources = Set.copyOf(Objects.requireNonNull(resources, "resources == null"));
    }

    /** The whole of one source. */
    public static ApiScope ofSource(String source) {
        return new ApiScope(source, OptionalLong.empty(), Set.of());
    }

    /** One vendor's products in one source. */
    public static ApiScope ofVendor(String source, long vendorPartnerId) {
        return new ApiScope(source, OptionalLong.of(vendorPartnerId), Set.of());
    }

    /** Whether a table or resource name is allowed (always, when the allow-list is empty). */
    public boolean allows(String resource) {
        return resources.isEmpty() || resources.contains(resource);
    }

    /** Whether the scope is limited to one vendor's products. */
    public boolean isVendorScoped() {
        return vendorPartnerId.isPresent();
    }
}
