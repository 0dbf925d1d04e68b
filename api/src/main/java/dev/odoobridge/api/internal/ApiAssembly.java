package dev.odoobridge.api.internal;

import com.mongodb.client.MongoDatabase;
import dev.odoobridge.api.barcode.ExternalProducts;
import dev.odoobridge.api.barcode.Nomenclature;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Builds the route table and its handler (used by {@code dev.odoobridge.api.ReadApi}). */
public final class ApiAssembly {
    private ApiAssembly() {
    }

    /**
     * The API handler serving {@code prefix<source>/...}.
     *
     * @param inProcess the embedded store's reads when it serves the read model from this process (pages and single
     *     documents are then read from it without the wire protocol); empty to read everything with the driver
     */
    public static ApiHandler handler(String prefix, MongoDatabase db, Optional<StoreReads> inProcess, ReadModel model,
                                     Clock clock, ZoneId zone, Nomenclature nomenclature,
                                     Optional<ExternalProducts> external) {
        DocumentReads reads = inProcess.map(r -> DocumentReads.inProcess(r, db.getName()))
                .orElseGet(() -> DocumentReads.driver(db));
        Store store = new Store(db, reads);
        BarcodeLookup barcodes = new BarcodeLookup(store, nomenclature, external, clock, zone);
        List<Route> routes = new Routes(store, model, clock, zone, barcodes).all();
        return new ApiHandler(prefix, routes);
    }

    /** Every documented route template (under {@code /{source}/}), for tests and tools. */
    public static List<String> templates(ApiHandler handler) {
        return handler.templates();
    }
}
