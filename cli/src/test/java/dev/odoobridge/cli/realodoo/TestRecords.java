package dev.odoobridge.cli.realodoo;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.meta.ModelDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records the CLI flow creates in the shop's Odoo, and their removal. Everything is named
 * {@code odoo-bridge real-odoo test <uuid> ...}; the vendor partner has an address of its own, so
 * purchase orders to it and mails to it are this run's too. Nothing else on the server is touched.
 */
final class TestRecords {
    /** Start of every name. */
    static final String NAME_PREFIX = "odoo-bridge real-odoo test ";
    private static final SearchOptions ALL = SearchOptions.DEFAULT.includeArchived();

    private final OdooClient odoo;
    private final String prefix;
    private final String vendorEmail;
    private long vendorPartner;
    private long customer;
    private long template;
    private long product;

    TestRecords(OdooClient odoo) {
        this.odoo = odoo;
        UUID uuid = UUID.randomUUID();
        this.prefix = NAME_PREFIX + uuid;
        this.vendorEmail = "odoo-bridge-" + uuid.toString().substring(0, 8) + "@example.com";
    }

    /**
     * Creates a vendor partner, a customer partner, a storable product without stock (so it is urgent)
     * and the vendor's price line for it.
     */
    void create() {
        vendorPartner = odoo.model("res.partner").create(Map.of("name", prefix + " vendor", "email", vendorEmail,
                "is_company", true));
        customer = odoo.model("res.partner").create(Map.of("name", prefix + " customer", "email",
                "customer-" + vendorEmail));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", prefix + " product");
        values.put("list_price", 10.0);
        values.put("standard_price", 4.0);
        values.put("purchase_ok", true);
        values.putAll(storable(odoo.model("product.template").fieldsGet(List.of("type"))));
        template = odoo.model("product.template").create(values);
        List<Long> variants = odoo.model("product.product").search(Domains.eq("product_tmpl_id", template));
        if (variants.size() != 1) {
            throw new IllegalStateException("product.template " + template + " has variants " + variants);
        }
        product = variants.get(0);
        odoo.model("product.supplierinfo").create(Map.of("partner_id", vendorPartner, "product_tmpl_id", template,
                "min_qty", 1.0, "price", 4.0));
    }

    /** 17.0 types storable products with detailed_type, 18.0 and 19.0 with type consu + is_storable. */
    private static Map<String, Object> storable(ModelDefinition template) {
        if (template.field("is_storable").isPresent()) {
            return Map.of("type", "consu", "is_storable", true);
        }
        if (template.field("detailed_type").isPresent()) {
            return Map.of("detailed_type", "product");
        }
        return Map.of("type", "product");
    }

    String prefix() {
        return prefix;
    }

    String vendorEmail() {
        return vendorEmail;
    }

    long vendorPartner() {
        return vendorPartner;
    }

    long customer() {
        return customer;
    }

    long template() {
        return template;
    }

    long product() {
        return product;
    }

    /** Ids of the purchase orders to the vendor partner (only this run creates any). */
    List<Long> purchaseOrders() {
        return vendorPartner == 0 ? List.of() : odoo.model("purchase.order").search(Domains.eq("partner_id", vendorPartner));
    }

    /**
     * Cancels and deletes the purchase orders to the vendor, deletes the mails to it, its price lines,
     * the product and the partners. Each step runs even when an earlier one failed.
     *
     * @return what could not be removed, empty when the server is as it was
     */
    List<String> removeAll() {
        List<String> problems = new ArrayList<>();
        List<Long> orders = attempt(problems, "find purchase orders", this::purchaseOrders, List.of());
        for (long order : orders) {
            // Odoo deletes only cancelled purchase orders; button_cancel returns None
            attempt(problems, null, () -> odoo.model("purchase.order").call("button_cancel", List.of(order), Map.of()), null);
            attempt(problems, "delete purchase.order " + order, () -> odoo.model("purchase.order").unlink(List.of(order)), null);
        }
        remove(problems, "mail.mail", Domains.eq("email_to", vendorEmail));
        if (vendorPartner != 0) {
            remove(problems, "product.supplierinfo", Domains.eq("partner_id", vendorPartner));
        }
        remove(problems, "product.supplierinfo", Domains.ilike("product_tmpl_id.name", prefix));
        remove(problems, "product.template", Domains.ilike("name", prefix));
        remove(problems, "res.partner", Domains.ilike("name", prefix));
        if (vendorPartner != 0) {
            leftover(problems, "purchase.order", Domains.eq("partner_id", vendorPartner));
        }
        leftover(problems, "mail.mail", Domains.eq("email_to", vendorEmail));
        leftover(problems, "product.template", Domains.ilike("name", prefix));
        leftover(problems, "product.product", Domains.ilike("name", prefix));
        leftover(problems, "res.partner", Domains.ilike("name", prefix));
        return problems;
    }

    private void remove(List<String> problems, String model, Domain domain) {
        ModelHandle handle = odoo.model(model);
        List<Long> ids = attempt(problems, "find " + model, () -> handle.search(domain, ALL), List.of());
        if (!ids.isEmpty()) {
            attempt(problems, "delete " + model + " " + ids, () -> handle.unlink(ids), null);
        }
    }

    private void leftover(List<String> problems, String model, Domain domain) {
        long left = attempt(problems, "count " + model, () -> odoo.model(model).searchCount(domain, ALL), 0L);
        if (left > 0) {
            problems.add(left + " " + model + " record(s) of this run are still on the server ("
                    + domain + ")");
        }
    }

    /** Runs one cleanup step; a failure is noted in {@code problems} (unless {@code what} is null) and skipped. */
    private static <T> T attempt(List<String> problems, String what, java.util.function.Supplier<T> step, T fallback) {
        try {
            return step.get();
        } catch (OdooException e) {
            if (what != null) {
                problems.add("could not " + what + ": " + e.getMessage());
            }
            return fallback;
        }
    }
}
