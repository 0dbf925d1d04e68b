package dev.odoobridge.testkit.internal.data;

import dev.odoobridge.testkit.internal.orm.OdooRelease;
import java.util.Map;

/**
 * The parts of the target Odoo's schema the generated records depend on: the version ({@code 17.0} types storable
 * products with {@code detailed_type}, 18.0 and 19.0 with {@code type} + {@code is_storable}; stock moves have a
 * required {@code name} and reordering rules a {@code qty_multiple} before 19.0) and whether product_expiry is
 * installed (lots with expiration dates).
 *
 * @param version {@code 17.0}, {@code 18.0} or {@code 19.0}
 * @param productExpiry whether lots carry {@code expiration_date}
 */
public record OdooFlavour(String version, boolean productExpiry) {
    /** Checks the version: one FakeOdoo plays ({@link OdooRelease#VERSIONS}). */
    public OdooFlavour {
        if (!OdooRelease.VERSIONS.contains(version)) {
            throw new IllegalArgumentException("odooVersion must be one of " + OdooRelease.VERSIONS + ", got " + version);
        }
    }

    private int major() {
        return Integer.parseInt(version.substring(0, 2));
    }

    /** Marks a product (template or variant values) as storable the way the version does. */
    void storable(Map<String, Object> v) {
        if (major() == 17) {
            v.put("detailed_type", "product");
            v.put("type", "product");
        } else {
            v.put("type", "consu");
            v.put("is_storable", Boolean.TRUE);
        }
    }

    /** Marks a product as a service the way the version does. */
    void service(Map<String, Object> v) {
        v.put("type", "service");
        if (major() == 17) {
            v.put("detailed_type", "service");
        } else {
            v.put("is_storable", Boolean.FALSE);
        }
    }

    /** Marks a product as a consumable that keeps no stock the way the version does. */
    void consumable(Map<String, Object> v) {
        v.put("type", "consu");
        if (major() == 17) {
            v.put("detailed_type", "consu");
        } else {
            v.put("is_storable", Boolean.FALSE);
        }
    }

    /** Whether reordering rules have {@code qty_multiple} (gone in 19.0). */
    boolean hasQtyMultiple() {
        return major() < 19;
    }

    /** Sets a stock move's {@code name}, required before 19.0 and gone in 19.0. */
    void moveName(Map<String, Object> move, String name) {
        if (major() < 19) {
            move.put("name", name);
        }
    }
}
