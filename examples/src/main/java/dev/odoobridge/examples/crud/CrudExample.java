package dev.odoobridge.examples.crud;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.value.Command;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Create, read, update and delete with the typed client: a vendor with contacts (x2many
 * {@code create}), a product template with a supplier line, domain searches combining
 * {@code and} / {@code or} / {@code ilike} and a dotted path, and x2many {@code update},
 * {@code create} and {@code delete} commands in one write.
 */
public final class CrudExample {
    private CrudExample() {
    }

    /** Runs the example with {@code odoo} and returns what it did, one line per step. */
    public static String run(OdooClient odoo) {
        Objects.requireNonNull(odoo, "odoo == null");
        StringBuilder log = new StringBuilder();
        ModelHandle partners = odoo.model("res.partner");
        ModelHandle templates = odoo.model("product.template");

        // create: a vendor company and two contacts in one call (x2many "create" commands)
        long vendor = partners.create(Map.of(
                "name", "Crud Example Supplies", "is_company", true, "supplier_rank", 1,
                "email", "sales@crud.example",
                "child_ids", List.of(Command.create(Map.of("name", "Ann Orders")),
                        Command.create(Map.of("name", "Bob Billing")))));
        long product = templates.create(Map.of(
                "name", "Crud Example Oat Drink 1 L", "default_code", "CRUD-OAT-1", "list_price", 2.49,
                "seller_ids", List.of(Command.create(Map.of("partner_id", vendor, "price", 1.10, "min_qty", 12.0)))));
        log.append("created vendor ").append(vendor).append(" and product ").append(product).append('\n');

        // read: many2one as Ref (id + display name), x2many as ids, False as null
        OdooRecord v = partners.read(List.of(vendor), List.of("name", "child_ids", "parent_id", "phone")).get(0);
        log.append("vendor ").append(v.getString("name")).append(" has ").append(v.getIds("child_ids").size())
                .append(" contacts, parent ").append(v.getRef("parent_id")).append(", phone ")
                .append(v.getString("phone")).append('\n');

        // search: (a company that supplies) AND (name ilike "crud" OR email ends with ".example")
        Domain vendorsNamedCrud = Domains.and(
                Domains.eq("is_company", true), Domains.gt("supplier_rank", 0),
                Domains.or(Domains.ilike("name", "crud"), Domains.eqIlike("email", "%@crud.example")));
        List<OdooRecord> found = partners.searchRead(vendorsNamedCrud, List.of("name"),
                SearchOptions.DEFAULT.order("name asc").limit(10));
        log.append("search found ").append(found.stream().map(r -> r.getString("name")).toList()).append('\n');

        // a dotted path: products supplied by this vendor
        long supplied = templates.searchCount(Domains.eq("seller_ids.partner_id", vendor));
        log.append("products supplied by the vendor: ").append(supplied).append('\n');

        // update: rename one contact, add a third and delete the other, in one write
        List<Long> contacts = v.getIds("child_ids");
        partners.write(List.of(vendor), Map.of("child_ids", List.of(
                Command.update(contacts.get(0), Map.of("name", "Ann Orders (lead)")),
                Command.create(Map.of("name", "Cleo Logistics")),
                Command.delete(contacts.get(1)))));
        List<String> names = partners.read(partners.read(List.of(vendor), List.of("child_ids")).get(0).getIds("child_ids"),
                List.of("name")).stream().map(r -> r.getString("name")).sorted().toList();
        log.append("contacts after the x2many commands: ").append(names).append('\n');

        // delete: the supplier line and the product, then the vendor with its contacts
        List<Long> sellers = templates.read(List.of(product), List.of("seller_ids")).get(0).getIds("seller_ids");
        odoo.model("product.supplierinfo").unlink(sellers);
        templates.unlink(List.of(product));
        List<Long> remaining = partners.read(List.of(vendor), List.of("child_ids")).get(0).getIds("child_ids");
        partners.unlink(remaining);
        partners.unlink(List.of(vendor));
        log.append("deleted; vendor still there: ").append(!partners.search(Domains.eq("id", vendor)).isEmpty())
                .append('\n');
        return log.toString();
    }

    /** {@code CrudExample <url> <database> <login> <password-or-api-key>}. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: CrudExample <url> <database> <login> <password-or-api-key>");
            System.exit(2);
        }
        OdooConfig config = OdooConfig.builder().url(args[0]).database(args[1]).login(args[2]).secret(args[3]).build();
        try (OdooClient odoo = OdooClients.create(config)) {
            System.out.print(run(odoo));
        }
    }
}
