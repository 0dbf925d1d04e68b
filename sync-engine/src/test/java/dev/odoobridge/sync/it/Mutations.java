package dev.odoobridge.sync.it;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random changes made through Odoo's API, like users of the shop would: product and
 * partner creates, writes, archives, unarchives and unlinks, and quant quantity changes.
 */
final class Mutations {
    private final OdooClient odoo;
    private final Random random;
    private int created;
    private int written;
    private int archived;
    private int unlinked;

    Mutations(OdooClient odoo, long seed) {
        this.odoo = odoo;
        this.random = new Random(seed);
    }

    /** Makes {@code count} random changes. */
    Mutations apply(int count) {
        for (int i = 0; i < count; i++) {
            int dice = random.nextInt(100);
            String model = dice < 70 ? "product.product" : dice < 90 ? "res.partner" : "stock.quant";
            ModelHandle handle = odoo.model(model);
            List<Long> ids = handle.search(Domains.all(), SearchOptions.DEFAULT.includeArchived());
            if (model.equals("stock.quant")) {
                if (!ids.isEmpty()) {
                    handle.write(List.of(pick(ids)), Map.of("quantity", (double) random.nextInt(500)));
                    written++;
                }
                continue;
            }
            int op = random.nextInt(10);
            if (op < 3 || ids.isEmpty()) {
                long n = 1_000_000L + random.nextInt(1_000_000);
                handle.create(model.equals("res.partner")
                        ? Map.of("name", "Partner " + n, "email", "p" + n + "@example.com")
                        : Map.of("name", "Product " + n, "default_code", "RND-" + n, "list_price", random.nextInt(10_000) / 100.0));
                created++;
            } else if (op < 6) {
                handle.write(List.of(pick(ids)), model.equals("res.partner")
                        ? Map.of("city", "City " + random.nextInt(1000))
                        : Map.of("list_price", random.nextInt(10_000) / 100.0, "name", "Renamed " + random.nextInt(1_000_000)));
                written++;
            } else if (op < 8) {
                handle.write(List.of(pick(ids)), Map.of("active", random.nextBoolean() && op == 7));
                archived++;
            } else {
                unlinkOne(handle, ids);
            }
        }
        return this;
    }

    private void unlinkOne(ModelHandle handle, List<Long> ids) {
        // products and partners referenced by stock or orders may refuse deletion; try a few
        for (int attempt = 0; attempt < 5; attempt++) {
            long id = pick(ids);
            try {
                handle.unlink(List.of(id));
                unlinked++;
                return;
            } catch (dev.odoobridge.client.error.OdooException e) {
                if (e.isRetryable()) {
                    throw e;
                }
            }
        }
    }

    private long pick(List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    @Override
    public String toString() {
        return "created " + created + ", written " + written + ", (un)archived " + archived + ", unlinked " + unlinked;
    }

    /** Changes actually made, by kind. */
    List<Integer> counts() {
        return new ArrayList<>(List.of(created, written, archived, unlinked));
    }
}
