package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * vendor link / confirm / list / unlink with the code read from the mail FakeOdoo sent; the vendor's
 * stock report in every format; reports scoped to a vendor; restock dry run and --apply.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VendorCommandsIT {
    private static final String VENDOR = "buyer@acme.example";
    private static final Pattern CODE = Pattern.compile("(\\d{6})</b>");

    @TempDir
    static Path dir;
    static FakeOdoo odoo;
    static OdooClient admin;
    static StateDatabase postgres;
    static Path config;
    static List<OdooRecord> vendors;

    @BeforeAll
    static void start() throws Exception {
        odoo = TestConfigs.smallShop(24, 11);
        admin = odoo.adminClient();
        postgres = StateDatabase.embedded(dir.resolve("pg"));
        config = TestConfigs.write(dir, "odoo-bridge.yaml", odoo.url(), FakeOdoo.ADMIN, postgres.describe(),
                TestConfigs.VENDOR_MODELS, null);
        CliRun sync = CliRun.of("sync", "run", "--full", "--config", config.toString());
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        vendors = admin.model("res.partner").searchRead(Domains.and(Domains.gt("supplier_rank", 0), Domains.ne("email", false)), List.of("name", "email"),
                SearchOptions.DEFAULT.order("id"));
        assertThat(vendors).hasSizeGreaterThan(1);
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (odoo != null) {
            odoo.close();
        }
    }

    private static List<Map<String, Object>> sentMails() {
        return odoo.sentMails();
    }

    /** Runs `vendor link` and returns the code from the mail it sent. */
    private static String link(long partner, String email) {
        int before = sentMails().size();
        CliRun r = CliRun.of("vendor", "link", "--vendor", VENDOR, "--partner", String.valueOf(partner), "--config", config.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Map<String, Object>> mails = sentMails();
        assertThat(mails).hasSize(before + 1);
        Map<String, Object> mail = mails.get(mails.size() - 1);
        assertThat(mail.get("email_to")).isEqualTo(email);
        Matcher m = CODE.matcher(String.valueOf(mail.get("body_html")));
        assertThat(m.find()).isTrue();
        String code = m.group(1);
        String masked = email.charAt(0) + "***" + email.substring(email.indexOf('@'));
        assertThat(r.out()).contains("to " + masked).contains("It expires at").doesNotContain(code).doesNotContain(email);
        assertThat(r.err()).doesNotContain(code);
        return code;
    }

    @Test
    @Order(1)
    void linkAndConfirmWithTheMailedCodeRefusingWrongUsedAndTooFrequentRequests() {
        OdooRecord first = vendors.get(0);
        String code = link(first.id(), first.getString("email"));
        String wrong = code.equals("000000") ? "000001" : "000000";
        CliRun bad = CliRun.of("vendor", "confirm", "--vendor", VENDOR, "--code", wrong, "--config", config.toString());
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCode.REJECTED.code());
        assertThat(bad.err()).contains("error: wrong code; 4 attempts left").doesNotContain("\tat ");

        CliRun ok = CliRun.of("vendor", "confirm", "--vendor", VENDOR, "--code", code, "--config", config.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("Linked " + VENDOR + " to partner " + first.id() + " of shop");

        CliRun used = CliRun.of("vendor", "confirm", "--vendor", VENDOR, "--code", code, "--config", config.toString());
        assertThat(used.exitCode()).isEqualTo(ExitCode.REJECTED.code());
        assertThat(used.err()).contains("already used");

        CliRun again = CliRun.of("vendor", "link", "--vendor", VENDOR, "--partner", String.valueOf(first.id()),
                "--config", config.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.REJECTED.code());
        assertThat(again.err()).contains("less than 60 s ago").containsPattern("hint: retry after \\d{4}-");

        CliRun list = CliRun.of("vendor", "list", "--vendor", VENDOR, "--config", config.toString());
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().lines().filter(l -> l.startsWith(VENDOR))).hasSize(1);
        assertThat(CliRun.of("vendor", "list", "--vendor", "nobody@x.example", "--config", config.toString()).out())
                .contains("No links for nobody@x.example.");
    }

    @Test
    @Order(2)
    void stockReportInEveryFormat() throws Exception {
        CliRun table = CliRun.of("report", "stock", "--vendor", VENDOR, "--config", config.toString());
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("Stock report for " + VENDOR).contains("status").contains("on hand")
                .containsPattern("(?m)^(urgent|moderate|healthy)\\s+shop\\s+\\d+");
        long products = admin.model("product.product").searchCount(Domains.all());

        Path csv = dir.resolve("out/stock.csv");
        CliRun c = CliRun.of("report", "stock", "--vendor", VENDOR, "--format", "csv", "--out", csv.toString(),
                "--config", config.toString());
        assertThat(c.exitCode()).as(c.toString()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("source,product_id,default_code,barcode,name,status");
        assertThat(lines).hasSizeBetween(2, (int) products + 1);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("shop,"));

        Path json = dir.resolve("out/stock.json");
        assertThat(CliRun.of("report", "stock", "--vendor", VENDOR, "--format", "json", "--out", json.toString(),
                "--config", config.toString()).exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.path("schema").asText()).isEqualTo("odoo-bridge/vendor-stock-export/v1");
        assertThat(doc.path("vendor").asText()).isEqualTo(VENDOR);

        Path html = dir.resolve("out/stock.html");
        assertThat(CliRun.of("report", "stock", "--vendor", VENDOR, "--format", "html", "--out", html.toString(),
                "--config", config.toString()).exitCode()).isZero();
        assertThat(Files.readString(html)).contains("<svg").contains("</html>");

        int mails = sentMails().size();
        CliRun send = CliRun.of("report", "stock", "--vendor", VENDOR, "--format", "csv", "--send", "--config", config.toString());
        assertThat(send.exitCode()).as(send.toString()).isZero();
        assertThat(send.err()).contains("Mailed the csv report to " + VENDOR);
        assertThat(sentMails()).hasSize(mails + 1);
        assertThat(sentMails().get(mails).get("email_to")).isEqualTo(VENDOR);

        CliRun unlinked = CliRun.of("report", "stock", "--vendor", "nobody@x.example", "--config", config.toString());
        assertThat(unlinked.exitCode()).isEqualTo(ExitCode.REJECTED.code());
        assertThat(unlinked.err()).contains("is not linked to any partner");
    }

    @Test
    @Order(3)
    void shopReportsScopedToTheVendor() {
        CliRun alerts = CliRun.of("report", "alerts", "--vendor", VENDOR, "--config", config.toString());
        assertThat(alerts.exitCode()).as(alerts.toString()).isZero();
        assertThat(alerts.out()).satisfiesAnyOf(o -> assertThat(o).contains("No alerts."),
                o -> assertThat(o).containsPattern("(?m)^(low_stock|near_expiry|expired)\\s+shop"));
        CliRun top = CliRun.of("report", "top", "--vendor", VENDOR, "--limit", "3", "--config", config.toString());
        assertThat(top.exitCode()).as(top.toString()).isZero();
        assertThat(top.out()).contains("quantity").containsPattern("(?m)^shop\\s+\\d+");
        CliRun sales = CliRun.of("report", "sales", "--vendor", VENDOR, "--by", "week", "--config", config.toString());
        assertThat(sales.exitCode()).as(sales.toString()).isZero();
        assertThat(sales.out()).contains("period").containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\d\\s+\\d+\\.\\d\\d");
        CliRun shop = CliRun.of("report", "top", "--limit", "3", "--config", config.toString());
        assertThat(shop.exitCode()).as(shop.toString()).isZero();
        CliRun otherSource = CliRun.of("report", "top", "--vendor", VENDOR, "--source", "nope", "--config", config.toString());
        assertThat(otherSource.exitCode()).isEqualTo(ExitCode.CONFIG.code());
    }

    @Test
    @Order(4)
    void restockDryRunThenApplyCreatesDraftPurchaseOrders() {
        // empty the stock of one of the linked vendor's products so at least one product is urgent
        long partner = vendors.get(0).id();
        long template = admin.model("product.supplierinfo").searchRead(Domains.eq("partner_id", partner),
                List.of("product_tmpl_id"), SearchOptions.DEFAULT.order("id").limit(1)).get(0).getRef("product_tmpl_id").id();
        List<Long> products = admin.model("product.product").search(Domains.eq("product_tmpl_id", template));
        List<Long> quants = admin.model("stock.quant").search(Domains.in("product_id", products));
        if (!quants.isEmpty()) {
            admin.model("stock.quant").write(quants, Map.of("quantity", 0.0));
        }
        CliRun resync = CliRun.of("sync", "run", "--config", config.toString());
        assertThat(resync.exitCode()).as(resync.toString()).isZero();

        long before = admin.model("purchase.order").searchCount(Domains.all());
        CliRun dry = CliRun.of("restock", "propose", "--vendor", VENDOR, "--days", "60", "--config", config.toString());
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Restock proposal covering 60 days");
        assertThat(dry.out()).contains("Order to").contains("why").contains("Dry run: nothing was created");
        assertThat(admin.model("purchase.order").searchCount(Domains.all())).isEqualTo(before);
        int orders = (int) dry.out().lines().filter(l -> l.startsWith("Order to")).count();

        CliRun apply = CliRun.of("restock", "propose", "--vendor", VENDOR, "--days", "60", "--apply", "--config", config.toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(orders).isPositive();
        assertThat(apply.out()).contains("Re-synced purchase.order and purchase.order.line.");
        assertThat(apply.out().lines().filter(l -> l.startsWith("Created draft purchase.order"))).hasSize(orders);
        List<OdooRecord> created = admin.model("purchase.order").searchRead(
                Domains.eq("origin", "odoo-bridge restock proposal"), List.of("state", "partner_id"));
        assertThat(created).hasSize(orders).allMatch(o -> "draft".equals(o.getString("state")));
        assertThat(admin.model("purchase.order").searchCount(Domains.all())).isEqualTo(before + orders);
    }

    @Test
    @Order(5)
    void unlinkRevokesAndASecondUnlinkIsRefused() {
        long partner = vendors.get(0).id();
        CliRun r = CliRun.of("vendor", "unlink", "--vendor", VENDOR, "--partner", String.valueOf(partner), "--config", config.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Unlinked " + VENDOR + " from partner " + partner + " of shop.");
        assertThat(CliRun.of("vendor", "list", "--vendor", VENDOR, "--config", config.toString()).out().lines()
                .filter(l -> l.startsWith(VENDOR))).isEmpty();
        CliRun again = CliRun.of("vendor", "unlink", "--vendor", VENDOR, "--partner", String.valueOf(partner), "--config", config.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.REJECTED.code());
        assertThat(again.err()).contains("is not linked to partner " + partner);
    }

    @Test
    @Order(6)
    void auditShowsTheTrailNewestFirstFilteredAndAsJson() {
        CliRun r = CliRun.of("vendor", "audit", "--vendor", VENDOR.toUpperCase(java.util.Locale.ROOT), "--config",
                config.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> rows = r.out().lines().filter(l -> l.contains(VENDOR)).toList();
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0)).contains("refused").contains("NOT_LINKED"); // the second unlink
        assertThat(rows.get(1)).contains("unlinked");
        assertThat(r.out()).contains("linked").contains("challenge_sent").contains("event");

        CliRun limited = CliRun.of("vendor", "audit", "--vendor", VENDOR, "--limit", "2", "--json", "--config",
                config.toString());
        assertThat(limited.exitCode()).as(limited.toString()).isZero();
        assertThat(limited.out()).contains("\"event\" : \"unlinked\"").contains("\"event\" : \"refused\"")
                .contains("\"source\" : \"shop\"")
                .doesNotContain("challenge_sent");

        CliRun future = CliRun.of("vendor", "audit", "--since", "2999-01-01", "--config", config.toString());
        assertThat(future.exitCode()).as(future.toString()).isZero();
        assertThat(future.out()).contains("No audit events.");

        CliRun badDate = CliRun.of("vendor", "audit", "--since", "yesterday", "--config", config.toString());
        assertThat(badDate.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(badDate.err()).contains("--since must be a day like 2026-06-01");
    }
}
