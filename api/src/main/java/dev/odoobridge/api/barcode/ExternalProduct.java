package dev.odoobridge.api.barcode;

import java.util.Objects;

/**
 * A product found in an external catalogue by its GTIN.
 *
 * @param gtin the code as the catalogue knows it
 * @param name product name, or null
 * @param brand brand(s), or null
 * @param quantity package quantity as printed (e.g. {@code 500 g}), or null
 * @param imageUrl a picture, or null
 * @param catalogue which catalogue answered (e.g. {@code openfoodfacts})
 */
public record ExternalProduct(String gtin, String name, String brand, String quantity, String imageUrl, String catalogue) {
    /** Validates. */
    public ExternalProduct {
        Objects.requireNonNull(gtin, "gtin == null");
        Objects.requireNonNull(catalogue, "catalogue == null");
    }
}
