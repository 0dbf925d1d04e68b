package dev.odoobridge.testkit.internal.data;

import java.util.Map;
import java.util.SplittableRandom;

/** Writes product templates, their single variants and supplier infos. */
final class CatalogWriter {

    private final Emitter out;
    private final MasterData master;
    private final Timeline time;
    private final SetupClock clock;
    private final SplittableRandom random;
    private final Ean13 barcodes;

    CatalogWriter(Emitter out, MasterData master, Timeline time, SetupClock clock, SplittableRandom random,
            long seed) {
        this.out = out;
        this.master = master;
        this.time = time;
        this.clock = clock;
        this.random = random;
        this.barcodes = new Ean13(seed);
    }

    Catalog write(int products) {
        Catalog catalog = new Catalog(products);
        int leafCount = Vocabulary.LEAVES.size();
        int vendors = master.vendorIds().length;
        for (int i = 0; i < products; i++) {
            int leafIndex = random.nextInt(leafCount);
            Vocabulary.Leaf leaf = Vocabulary.LEAVES.get(leafIndex);
            String name = Vocabulary.BRANDS[random.nextInt(Vocabulary.BRANDS.length)] + ' '
                    + Vocabulary.VARIANTS[random.nextInt(Vocabulary.VARIANTS.length)]
                    + leaf.items()[random.nextInt(leaf.items().length)] + ' '
                    + leaf.sizes()[random.nextInt(leaf.sizes().length)];
            String code = SequenceName.of("P", i + 1, 6);
            String barcode = barcodes.barcode(i);
            double u = random.nextDouble();
            double list = Catalog.money(
                    Math.floor((leaf.minPrice() + (leaf.maxPrice() - leaf.minPrice()) * u * u) * 10.0) / 10.0 + 0.09);
            double cost = Catalog.money(list * (0.5 + 0.25 * random.nextDouble()));
            long categ = master.leafCategoryIds()[leafIndex];

            Map<String, Object> t = Emitter.values(12);
            putCommon(t, name, code, barcode, list, cost, categ);
            t.put("sale_ok", Boolean.TRUE);
            t.put("purchase_ok", Boolean.TRUE);
            long created = clock.next();
            long template = out.insert("product.template", t, created, time.writeAfter(created, 0.25, random));

            Map<String, Object> p = Emitter.values(11);
            putCommon(p, name, code, barcode, list, cost, categ);
            p.put("product_tmpl_id", template);
            long product = out.insert("product.product", p, created, time.writeAfter(created, 0.1, random));

            catalog.templateIds[i] = template;
            catalog.productIds[i] = product;
            catalog.codes[i] = code;
            catalog.lineNames[i] = "[" + code + "] " + name;
            catalog.listPrices[i] = list;
            catalog.leaves[i] = (byte) leafIndex;
            int[] packs = leaf.packs();
            catalog.packs[i] = packs[random.nextInt(packs.length)];

            int primary = random.nextInt(vendors);
            catalog.primaryVendors[i] = primary;
            catalog.leadDays[i] = 1 + random.nextInt(10);
            catalog.vendorPrices[i] = supplierInfo(primary, template, code, cost, catalog.packs[i],
                    catalog.leadDays[i], created);
            if (vendors > 1 && random.nextInt(10) < 3) {
                int second = (primary + 1 + random.nextInt(vendors - 1)) % vendors;
                supplierInfo(second, template, code, cost * 1.04, packs[random.nextInt(packs.length)],
                        catalog.leadDays[i] + 2 + random.nextInt(7), created);
            }
        }
        return catalog;
    }

    private void putCommon(Map<String, Object> v, String name, String code, String barcode, double list,
            double cost, long categ) {
        v.put("name", name);
        v.put("default_code", code);
        v.put("barcode", barcode);
        v.put("list_price", list);
        v.put("standard_price", cost);
        v.put("categ_id", categ);
        out.flavour().storable(v);
        v.put("active", Boolean.TRUE);
    }

    private double supplierInfo(int vendor, long template, String code, double cost, int pack, int delay,
            long created) {
        double price = Catalog.money(cost * (0.93 + 0.1 * random.nextDouble()));
        Map<String, Object> s = Emitter.values(6);
        s.put("partner_id", master.vendorIds()[vendor]);
        s.put("product_tmpl_id", template);
        s.put("product_code", SequenceName.of("V", vendor + 1, 2) + '-' + code);
        s.put("min_qty", (double) pack);
        s.put("price", price);
        s.put("delay", delay);
        out.insert("product.supplierinfo", s, created, time.writeAfter(created, 0.15, random));
        return price;
    }
}
