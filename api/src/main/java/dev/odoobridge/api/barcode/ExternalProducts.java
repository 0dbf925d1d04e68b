package dev.odoobridge.api.barcode;

import java.util.Optional;

/**
 * An external product catalogue consulted when a barcode is not in the read model. Implementations
 * must be thread-safe and bounded in time.
 */
public interface ExternalProducts {

    /**
     * The product with this (valid) GTIN; empty when the catalogue does not know it.
     *
     * @throws ExternalLookupException when the catalogue could not be asked (timeout, refusal, bad answer)
     */
    Optional<ExternalProduct> lookup(String gtin);
}
