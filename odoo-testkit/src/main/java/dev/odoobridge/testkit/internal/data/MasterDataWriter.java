package dev.odoobridge.testkit.internal.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes the company, locations, warehouses, product categories, vendors and customers. */
final class MasterDataWriter {

    private static final String COMPANY_NAME = "Corner Market Group";

    private final Emitter out;
    private final GeneratorOptions options;
    private final Timeline time;
    private final SplittableRandom random;
    private final SetupClock clock;

    MasterDataWriter(Emitter out, GeneratorOptions options, Timeline time, SetupClock clock, SplittableRandom random) {
        this.out = out;
        this.options = options;
        this.time = time;
        this.random = random;
        this.clock = clock;
    }

    MasterData write() {
        long companyPartner = partner(COMPANY_NAME, "info@cornermarket.example", true, 0, 0, null, 0);
        Map<String, Object> company = Emitter.values(4);
        company.put("name", COMPANY_NAME);
        company.put("partner_id", companyPartner);
        company.put("email", "info@cornermarket.example");
        company.put("active", Boolean.TRUE);
        long at = tick();
        long companyId = out.insert("res.company", company, at, at);

        long partners = location("Partners", "Partners", "view", null);
        long supplier = location("Vendors", "Partners/Vendors", "supplier", partners);
        long customer = location("Customers", "Partners/Customers", "customer", partners);
        long virtual = location("Virtual Locations", "Virtual Locations", "view", null);
        long inventory = location("Inventory adjustment", "Virtual Locations/Inventory adjustment", "inventory",
                virtual);

        int n = options.warehouses();
        long[] warehouses = new long[n];
        String[] codes = new String[n];
        long[] stock = new long[n];
        long[][] shelves = new long[n][];
        for (int w = 0; w < n; w++) {
            String code = "WH" + (w + 1);
            codes[w] = code;
            long view = location(code, code, "view", null);
            stock[w] = location("Stock", code + "/Stock", "internal", view);
            shelves[w] = new long[w % 2 == 0 ? 2 : 1];
            for (int s = 0; s < shelves[w].length; s++) {
                String shelf = "Shelf " + (s + 1);
                shelves[w][s] = location(shelf, code + "/Stock/" + shelf, "internal", stock[w]);
            }
            Map<String, Object> wh = Emitter.values(6);
            String shop = Vocabulary.SHOP_NAMES[w % Vocabulary.SHOP_NAMES.length];
            wh.put("name", w < Vocabulary.SHOP_NAMES.length ? shop + " Shop" : shop + " Shop " + (w + 1));
            wh.put("code", code);
            wh.put("lot_stock_id", stock[w]);
            wh.put("view_location_id", view);
            wh.put("company_id", companyId);
            wh.put("active", Boolean.TRUE);
            at = tick();
            warehouses[w] = out.insert("stock.warehouse", wh, at, at);
        }
        long[] leaves = categories();
        long[] vendors = vendors();
        long[] buyers = customers(companyId);
        return new MasterData(companyId, companyPartner, supplier, customer, inventory, warehouses, codes, stock,
                shelves, leaves, vendors, buyers);
    }

    private long tick() {
        return clock.next();
    }

    private long location(String name, String completeName, String usage, Long parent) {
        Map<String, Object> v = Emitter.values(5);
        v.put("name", name);
        v.put("complete_name", completeName);
        v.put("usage", usage);
        if (parent != null) {
            v.put("location_id", parent);
        }
        v.put("active", Boolean.TRUE);
        long at = tick();
        return out.insert("stock.location", v, at, at);
    }

    private long[] categories() {
        Map<String, Long> byPath = new LinkedHashMap<>();
        long root = category(Vocabulary.ROOT_CATEGORY, Vocabulary.ROOT_CATEGORY, null);
        long[] leaves = new long[Vocabulary.LEAVES.size()];
        for (int i = 0; i < leaves.length; i++) {
            List<String> path = Vocabulary.LEAVES.get(i).path();
            long parent = root;
            String complete = Vocabulary.ROOT_CATEGORY;
            for (String part : path) {
                complete = complete + " / " + part;
                Long known = byPath.get(complete);
                if (known == null) {
                    known = category(part, complete, parent);
                    byPath.put(complete, known);
                }
                parent = known;
            }
            leaves[i] = parent;
        }
        return leaves;
    }

    private long category(String name, String completeName, Long parent) {
        Map<String, Object> v = Emitter.values(3);
        v.put("name", name);
        v.put("complete_name", completeName);
        if (parent != null) {
            v.put("parent_id", parent);
        }
        long at = tick();
        return out.insert("product.category", v, at, at);
    }

    private long[] vendors() {
        long[] ids = new long[options.vendors()];
        String[] names = Vocabulary.VENDOR_NAMES;
        for (int i = 0; i < ids.length; i++) {
            String name = i < names.length ? names[i] : names[i % names.length] + " " + (i / names.length + 1);
            String email = "orders@" + Vocabulary.slug(name) + ".example";
            ids[i] = partner(name, email, true, 1 + random.nextInt(5), 0, null, i + 1);
        }
        return ids;
    }

    private long[] customers(long companyId) {
        int n = options.customers();
        long[] buyers = new long[n + n / 2];
        int count = 0;
        String[] first = Vocabulary.FIRST_NAMES;
        String[] last = Vocabulary.LAST_NAMES;
        for (int i = 0; i < n; i++) {
            String surname = last[random.nextInt(last.length)];
            if (random.nextInt(5) == 0) {
                String name = surname + " " + Vocabulary.COMPANY_WORDS[random.nextInt(Vocabulary.COMPANY_WORDS.length)];
                String domain = Vocabulary.slug(name) + i + ".example";
                long company = partner(name, "hello@" + domain, true, 0, 1 + random.nextInt(3), null, 0);
                buyers = ensure(buyers, count + 4);
                buyers[count++] = company;
                int contacts = 1 + random.nextInt(3);
                for (int c = 0; c < contacts; c++) {
                    String person = first[random.nextInt(first.length)];
                    buyers[count++] = partner(person + " " + surname, Vocabulary.slug(person) + "@" + domain, false,
                            0, 1, company, 0);
                }
            } else {
                String person = first[random.nextInt(first.length)];
                String email = Vocabulary.slug(person) + "." + Vocabulary.slug(surname) + i + "@mail.example";
                buyers = ensure(buyers, count + 1);
                buyers[count++] = partner(person + " " + surname, email, false, 0, 1 + random.nextInt(3), null, 0);
            }
        }
        return Arrays.copyOf(buyers, count);
    }

    private static long[] ensure(long[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    private long partner(String name, String email, boolean isCompany, int supplierRank, int customerRank,
            Long parent, int vendorNumber) {
        Map<String, Object> v = Emitter.values(12);
        v.put("name", name);
        v.put("email", email);
        v.put("phone", "+1 555 " + (1_000_000 + random.nextInt(9_000_000)));
        if (vendorNumber > 0) {
            v.put("ref", SequenceName.of("V", vendorNumber, 4));
        }
        v.put("is_company", isCompany);
        v.put("supplier_rank", supplierRank);
        v.put("customer_rank", customerRank);
        if (parent != null) {
            v.put("parent_id", parent);
        }
        v.put("street", (1 + random.nextInt(200)) + " " + Vocabulary.STREETS[random.nextInt(Vocabulary.STREETS.length)]);
        v.put("city", Vocabulary.CITIES[random.nextInt(Vocabulary.CITIES.length)]);
        v.put("active", Boolean.TRUE);
        long created = tick();
        return out.insert("res.partner", v, created, time.writeAfter(created, 0.2, random));
    }
}
