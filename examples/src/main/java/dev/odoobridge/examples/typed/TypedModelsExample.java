package dev.odoobridge.examples.typed;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.typed.TypedModelHandle;
import dev.odoobridge.examples.typed.model.ProductProduct;
import dev.odoobridge.examples.typed.model.ResPartner;
import dev.odoobridge.examples.typed.model.SaleOrder;
import java.util.List;
import java.util.Map;

/**
 * Generated records end to end: domains from typed field constants, typed reads (many2one as
 * {@code Ref}, selections as enums, datetimes as {@code Instant}), and writes from a record.
 */
public final class TypedModelsExample {
    private TypedModelsExample() {
    }

    /** Runs the example on a connected client and returns what it did. */
    public static String run(OdooClient odoo) {
        StringBuilder log = new StringBuilder();
        TypedModelHandle<ProductProduct> products = odoo.model(ProductProduct.MODEL);
        List<ProductProduct> cheap = products.searchRead(
                ProductProduct.LIST_PRICE.gt(0.0).and(ProductProduct.ACTIVE.eq(true)),
                SearchOptions.DEFAULT.order("list_price asc, id asc").limit(3));
        for (ProductProduct p : cheap) {
            log.append("product ").append(p.defaultCode()).append(" ").append(p.name()).append(" at ")
                    .append(p.listPrice()).append(" in ").append(p.categId() == null ? "-" : p.categId().name())
                    .append('\n');
        }

        List<ResPartner> vendors = odoo.model(ResPartner.MODEL).searchRead(
                ResPartner.SUPPLIER_RANK.gt(0L).and(ResPartner.IS_COMPANY.eq(true)),
                SearchOptions.DEFAULT.order("id asc").limit(2));
        vendors.forEach(v -> log.append("vendor ").append(v.name()).append(" <").append(v.email()).append(">\n"));

        TypedModelHandle<SaleOrder> orders = odoo.model(SaleOrder.MODEL);
        List<SaleOrder> confirmed = orders.searchRead(SaleOrder.STATE.eq(SaleOrder.StateValue.SALE.wireValue()),
                SearchOptions.DEFAULT.order("date_order desc, id desc").limit(1));
        for (SaleOrder o : confirmed) {
            log.append("latest confirmed order ").append(o.name()).append(" for ").append(o.partnerId().name())
                    .append(" on ").append(o.dateOrder()).append(", state ").append(o.state())
                    .append(", ").append(o.orderLine().size()).append(" line(s)\n");
        }

        // write back through the record: its writable, set fields become the values
        ProductProduct first = cheap.get(0);
        long copy = products.raw().create(Map.of("name", first.name() + " (copy)", "list_price", 1.0));
        ProductProduct created = products.read(List.of(copy)).get(0);
        log.append("created ").append(created.id()).append(" ").append(created.name()).append(" at ")
                .append(created.listPrice()).append('\n');
        products.raw().unlink(List.of(copy));
        log.append("products named like the copy after deleting it: ")
                .append(products.raw().searchCount(Domains.eq("name", first.name() + " (copy)"))).append('\n');
        return log.toString();
    }

    /** {@code TypedModelsExample <url> <database> <login> <password-or-api-key>}. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: TypedModelsExample <url> <database> <login> <password-or-api-key>");
            System.exit(2);
        }
        OdooConfig config = OdooConfig.builder().url(args[0]).database(args[1]).login(args[2]).secret(args[3]).build();
        try (OdooClient odoo = OdooClients.create(config)) {
            System.out.print(run(odoo));
        }
    }
}
