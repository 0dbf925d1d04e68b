package dev.odoobridge.cli.config;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The models synced when the configuration lists none ({@code sync.models} left out): the retail models of
 * {@link ConfigLoader#DEFAULT_MODELS}, plus the models of a product's extra barcodes
 * ({@link Projections#unitBarcodes()}: {@code product.packaging} on Odoo 17.0 / 18.0, {@code product.uom} on 19.0)
 * that the servers have. Which of those a server has is asked from its {@code ir.model}, never derived from its
 * version.
 */
public final class RetailModels {
    private RetailModels() {
    }

    /** The unit-barcode models any version may have, in {@link Projections#unitBarcodes()} order. */
    public static List<String> unitBarcodeModels() {
        return Projections.unitBarcodes().stream().map(Projection::model).toList();
    }

    /** Which {@linkplain #unitBarcodeModels() unit-barcode models} the server has, asked from its {@code ir.model}. */
    public static Set<String> unitBarcodeModelsOn(OdooClient client) {
        Objects.requireNonNull(client, "client == null");
        Set<String> found = new LinkedHashSet<>();
        for (OdooRecord r : client.model("ir.model").searchRead(Domains.in("model", unitBarcodeModels()),
                List.of("model"), SearchOptions.DEFAULT)) {
            found.add(r.getString("model"));
        }
        List<String> ordered = new ArrayList<>(unitBarcodeModels());
        ordered.retainAll(found);
        return new LinkedHashSet<>(ordered);
    }

    /**
     * The default models for servers that have these models each: the retail models, then each unit-barcode model
     * that every server has (a model one source lacks would fail that source's sync).
     */
    public static List<String> defaults(Collection<? extends Collection<String>> modelsOfEachServer) {
        List<String> out = new ArrayList<>(ConfigLoader.DEFAULT_MODELS);
        for (String model : unitBarcodeModels()) {
            if (!modelsOfEachServer.isEmpty() && modelsOfEachServer.stream().allMatch(s -> s.contains(model))) {
                out.add(model);
            }
        }
        return List.copyOf(out);
    }
}
