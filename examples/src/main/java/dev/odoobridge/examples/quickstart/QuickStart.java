package dev.odoobridge.examples.quickstart;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.value.Command;
import java.util.List;
import java.util.Map;

/**
 * The README's library quick start: connect, search with a domain, create with an x2many
 * command, write, handle a typed fault, delete.
 */
public final class QuickStart {
    private QuickStart() {
    }

    /** Runs the quick start against {@code url} / {@code database} as {@code login} / {@code secret}. */
    public static String run(String url, String database, String login, String secret) {
        StringBuilder log = new StringBuilder();
        OdooConfig config = OdooConfig.builder()
                .url(url)
                .database(database)
                .login(login)
                .secret(secret)                 // password or API key
                .transport(Transport.AUTO)      // JSON-2 on Odoo 19+ with an API key, else XML-RPC
                .context("lang", "en_US")
                .build();
        try (OdooClient odoo = OdooClients.create(config)) {
            log.append("Odoo ").append(odoo.version().serverVersion())
                    .append(", uid ").append(odoo.authenticate()).append('\n');

            ModelHandle partners = odoo.model("res.partner");
            List<OdooRecord> vendors = partners.searchRead(
                    Domains.and(Domains.eq("is_company", true), Domains.gt("supplier_rank", 0)),
                    List.of("name", "email", "parent_id"),
                    SearchOptions.DEFAULT.order("name asc").limit(5));
            for (OdooRecord v : vendors) {
                log.append("vendor ").append(v.getString("name"))
                        .append(" <").append(v.getString("email")).append(">\n"); // False -> null
            }

            long company = partners.create(Map.of(
                    "name", "Quick Start Ltd",
                    "is_company", true,
                    "child_ids", List.of(Command.create(Map.of("name", "Ada (buyer)")))));
            partners.write(List.of(company), Map.of("email", "hello@quickstart.example"));
            OdooRecord created = partners.read(List.of(company), List.of("email", "child_ids")).get(0);
            log.append("created ").append(company).append(" with ").append(created.getIds("child_ids").size())
                    .append(" contact, email ").append(created.getString("email")).append('\n');

            try {
                partners.write(List.of(company), Map.of("parent_id", company)); // a company cannot be its own parent
            } catch (UserErrorException e) { // a ValidationException over JSON-2 and JSON-RPC
                log.append("refused: ").append(e.serverMessage()).append('\n');
            }
            partners.unlink(created.getIds("child_ids"));
            partners.unlink(List.of(company));
            log.append("deleted ").append(company).append('\n');
        }
        return log.toString();
    }

    /** {@code QuickStart <url> <database> <login> <secret>}. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: QuickStart <url> <database> <login> <password-or-api-key>");
            System.exit(2);
        }
        System.out.print(run(args[0], args[1], args[2], args[3]));
    }
}
