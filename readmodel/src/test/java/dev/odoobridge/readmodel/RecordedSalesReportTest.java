package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.CustomerActivity;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.TopProduct;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sales reports over the orders and lines a real Odoo 19.0 served to odoo-bridge
 * ({@code odoo-recordings/project-calls/19.0}: demo data plus confirmed orders, company user in
 * Europe/Brussels), against the figures Odoo itself shows for them.
 */
class RecordedSalesReportTest {
    private static final Path CALLS = Path.of("../odoo-recordings/project-calls/19.0");
    private static final Path TOP = Path.of("../odoo-recordings");
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().build());
    private final Reports reports = model.reports();

    @AfterEach
    void close() {
        model.close();
    }

    private void load(String model, Path response) throws IOException {
        List<Map<String, Object>> rows = new ObjectMapper().readValue(response.toFile(), new TypeReference<>() { });
        this.model.projector().apply("odoo19", model, rows.stream().map(OdooRecord::of).toList(),
                Instant.parse("2026-12-06T21:00:00Z"));
    }

    private void loadRecorded() throws IOException {
        load("sale.order", CALLS.resolve("099-json2-sale.order-search_read.response.json"));
        load("sale.order.line", CALLS.resolve("102-json2-sale.order.line-search_read.response.json"));
    }

    /** Odoo's confirmed order lines of 2026-11 in Europe/Brussels: 12 lines, 81 units, 8,021.50 untaxed. */
    @Test
    void salesByMonthEqualOdoosConfirmedOrderLines() throws IOException {
        loadRecorded();
        assertThat(reports.sales(SalesQuery.all().withZone(BRUSSELS), Granularity.MONTH, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 31))).containsExactly(
                new SalesPeriod(LocalDate.of(2026, 11, 1), 81, 8021.5, 12),
                new SalesPeriod(LocalDate.of(2026, 12, 1), 120, 26719, 31));
    }

    /**
     * Odoo's best sellers among those confirmed lines: the two services "Virtual Interior Design" and
     * "Virtual Home Staging" are second and third (a join to the stock view used to drop them).
     */
    @Test
    void topProductsKeepServices() throws IOException {
        loadRecorded();
        assertThat(reports.topProducts(SalesQuery.all().withZone(BRUSSELS), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 31), 3)).containsExactly(
                new TopProduct("odoo19", 38, "[FURN_6667] Acoustic Bloc Screens (Black)", 47, 13635, 13),
                new TopProduct("odoo19", 3, "Virtual Interior Design", 40, 3000, 2),
                new TopProduct("odoo19", 4, "Virtual Home Staging", 30, 1147.5, 1));
    }

    /**
     * Counting every line of every state (what the recorded {@code formatted_read_group} of all lines by
     * product does, {@code 46-json2-sale-order-line-formatted_read_group}) would rank the services first:
     * the report does not, because quotations are not sales.
     */
    @Test
    void quotationsDoNotCount() throws IOException {
        loadRecorded();
        List<Map<String, Object>> recorded = new ObjectMapper().readValue(
                TOP.resolve("46-json2-sale-order-line-formatted_read_group.response.json").toFile(), new TypeReference<>() { });
        Map<String, Object> design = recorded.stream()
                .filter(r -> ((List<?>) r.get("product_id")).get(1).equals("Virtual Interior Design")).findFirst().orElseThrow();
        assertThat(design).containsEntry("product_uom_qty:sum", 74.0).containsEntry("__count", 4);
        TopProduct ours = reports.topProducts(SalesQuery.all(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 13)
                .stream().filter(t -> t.productId() == 3).findFirst().orElseThrow();
        assertThat(ours.quantity()).isEqualTo(40);
        assertThat(ours.lines()).isEqualTo(2);
    }

    /**
     * Customer activity equals the real server's confirmed orders per customer (the recorded search_read of
     * sale.order, state "sale": 23 of 28 orders; Odoo's own {@code amount_total} and {@code date_order} in UTC).
     */
    @Test
    void customerActivityEqualsOdoosConfirmedOrders() throws IOException {
        loadRecorded();
        assertThat(reports.customerActivity("odoo19")).extracting(CustomerActivity::partnerId, CustomerActivity::orders,
                CustomerActivity::total, CustomerActivity::firstPurchase, CustomerActivity::lastPurchase)
                .containsExactlyInAnyOrder(
                        tuple(7L, 1L, 2947.5, Instant.parse("2026-11-06T20:08:15Z"), Instant.parse("2026-11-06T20:08:15Z")),
                        tuple(9L, 4L, 7080.0, Instant.parse("2026-12-06T20:14:26Z"), Instant.parse("2026-12-06T20:21:49Z")),
                        tuple(10L, 17L, 23963.0, Instant.parse("2026-11-01T20:08:15Z"), Instant.parse("2026-12-06T20:08:28Z")),
                        tuple(16L, 1L, 750.0, Instant.parse("2026-12-06T20:08:15Z"), Instant.parse("2026-12-06T20:08:15Z")));
    }
}
