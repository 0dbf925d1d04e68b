package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataGenerator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report sales --check} and {@code report top --check}: after a full sync every figure equals the one
 * Odoo computes (and {@code report alerts --check} the stock figures and lot expiry alerts); an order confirmed
 * in Odoo and not yet synced, or a lot whose expiry date changed there, shows as a difference with exit code 10.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportCheckIT {
    @TempDir
    static Path dir;
    static FakeOdoo odoo;
    static OdooClient admin;
    static StateDatabase postgres;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        // a 19.0 with product_expiry, so lots have expiry dates and the lot alerts are checked too
        Instant now = Instant.now();
        odoo = FakeOdoo.builder().seed(7).modules("product_expiry").data(sink -> RetailDataGenerator.builder().seed(7)
                .products(20).vendors(4).customers(40).days(30).maxSaleLines(400).now(now).productExpiry(true).build()
                .generate(sink)).build().start();
        admin = odoo.adminClient();
        postgres = StateDatabase.embedded(dir.resolve("pg"));
        // the vendor models: stock checks need the reordering rules and moves synced
        config = TestConfigs.write(dir, "odoo-bridge.yaml", odoo.url(), FakeOdoo.ADMIN, postgres.describe(),
                TestConfigs.VENDOR_MODELS, null);
        CliRun sync = CliRun.of("sync", "run", "--full", "--config", config.toString());
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
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

    private static String from() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(40).toString();
    }

    @Test
    @Order(1)
    void afterASyncEveryFigureEqualsOdoos() {
        CliRun sales = CliRun.of("report", "sales", "--by", "week", "--from", from(), "--tz", "Europe/Brussels", "--check",
                "--config", config.toString());
        assertThat(sales.exitCode()).as(sales.toString()).isZero();
        assertThat(sales.out()).contains("order dates in Europe/Brussels", "untaxed (price_subtotal)",
                "✓ shop: 0 difference(s)", "Reports equal Odoo's figures.");
        CliRun top = CliRun.of("report", "top", "--limit", "30", "--days", "40", "--taxed", "--check", "--config",
                config.toString());
        assertThat(top.exitCode()).as(top.toString()).isZero();
        assertThat(top.out()).contains("taxes included (price_total)", "order dates in UTC", "Installation Service",
                "Reports equal Odoo's figures.");
        CliRun alerts = CliRun.of("report", "alerts", "--check", "--config", config.toString());
        assertThat(alerts.exitCode()).as(alerts.toString()).isZero();
        assertThat(alerts.out()).contains("expired", "near_expiry", "✓ shop: 0 difference(s)", "Reports equal Odoo's figures.")
                .doesNotContain("not checked");
    }

    @Test
    @Order(2)
    void anUnsyncedConfirmedOrderIsADifference() {
        long partner = admin.model("res.partner").search(Domains.gt("customer_rank", 0), SearchOptions.DEFAULT.limit(1)).get(0);
        long product = admin.model("product.product").search(Domains.eq("type", "service"), SearchOptions.DEFAULT.limit(1)).get(0);
        String now = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        long order = admin.model("sale.order").create(Map.of("partner_id", partner, "date_order", now, "state", "sale"));
        admin.model("sale.order.line").create(List.of(Map.of("order_id", order, "product_id", product,
                "product_uom_qty", 3.0, "price_unit", 10.0)));

        CliRun sales = CliRun.of("report", "sales", "--by", "month", "--from", from(), "--tz", "UTC", "--check",
                "--config", config.toString());
        assertThat(sales.exitCode()).as(sales.toString()).isEqualTo(ExitCode.DRIFT.code());
        assertThat(sales.out()).contains("✗ shop").containsPattern("sales \\d{4}-\\d\\d-01 quantity: odoo [\\d.]+, read model")
                .contains("Reports differ from Odoo");

        CliRun sync = CliRun.of("sync", "run", "--config", config.toString());
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        CliRun again = CliRun.of("report", "sales", "--by", "month", "--from", from(), "--tz", "UTC", "--check",
                "--config", config.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    @Test
    @Order(3)
    void aLotNoLongerExpiredInOdooIsADifference() {
        String now = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        OdooRecord quant = admin.model("stock.quant").searchRead(Domains.and(Domains.eq("location_id.usage", "internal"),
                Domains.gt("quantity", 0), Domains.le("lot_id.expiration_date", now)), List.of("lot_id"),
                SearchOptions.DEFAULT.limit(1)).get(0);
        long lot = quant.getRef("lot_id").id();
        admin.model("stock.lot").write(List.of(lot), Map.of("expiration_date", "2099-01-01 00:00:00"));

        CliRun alerts = CliRun.of("report", "alerts", "--check", "--config", config.toString());
        assertThat(alerts.exitCode()).as(alerts.toString()).isEqualTo(ExitCode.DRIFT.code());
        assertThat(alerts.out()).contains("expiry lot " + lot + " listed: odoo 0, read model 1");
    }
}
