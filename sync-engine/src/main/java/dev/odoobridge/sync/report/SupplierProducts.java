package dev.odoobridge.sync.report;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.value.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The product.product ids (archived ones too) some partners supply, asked of the server the way the read
 * model scopes reports: a supplier info naming a variant gives that variant, one naming only a template
 * gives every variant of the template.
 */
final class SupplierProducts {
    private SupplierProducts() {
    }

    static Set<Long> of(OdooClient odoo, Set<Long> partners) {
        Set<Long> products = new TreeSet<>();
        if (partners.isEmpty()) {
            return products;
        }
        SearchOptions archived = SearchOptions.DEFAULT.includeArchived();
        Set<Long> templates = new TreeSet<>();
        for (OdooRecord s : odoo.model("product.supplierinfo").searchRead(Domains.in("partner_id", new ArrayList<>(partners)),
                List.of("product_id", "product_tmpl_id"), archived)) {
            Ref variant = s.getRef("product_id");
            Ref template = s.getRef("product_tmpl_id");
            if (variant != null) {
                products.add(variant.id());
            } else if (template != null) {
                templates.add(template.id());
            }
        }
        if (!templates.isEmpty()) {
            products.addAll(odoo.model("product.product").search(Domains.in("product_tmpl_id", new ArrayList<>(templates)),
                    archived));
        }
        return products;
    }
}
