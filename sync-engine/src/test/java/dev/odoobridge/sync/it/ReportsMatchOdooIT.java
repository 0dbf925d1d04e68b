package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.report.AmountBasis;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.TopProduct;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.sync.Outcome;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.SyncListener;
import dev.odoobridge.sync.SyncReport;
import dev.odoobridge.sync.SyncRequest;
import dev.odoobridge.sync.report.OdooReportCheck;
import dev.odoobridge.sync.report.OdooStockCheck;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataSummary;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After a full sync of the generated retail data (storable products, services, consumables that keep no
 * stock, an archived product, section and note lines, quotations, orders late in the UTC evening), every
 * sales figure of the read model equals the one the strict FakeOdoo computes with read_group (17.0, 18.0)
 * or formatted_read_group (19.0), in UTC and in Europe/Brussels, untaxed and taxed, for the whole shop and
 * for one vendor; customer activity, stock status and low-stock alerts equal Odoo's too.
 */
class ReportsMatchOdooIT {
    private static final String SOURCE = "shop";
    private static final List<String> MODELS = List.of("res.partner", "product.template", "product.product",
            "product.supplierinfo", "stock.warehouse", "stock.location", "stock.quant", "stock.move",
            "stock.warehouse.orderpoint", "sale.order", "sale.order.line");

    @ParameterizedTest(name = "Odoo {0}")
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void everySalesFigureEqualsOdoos(String version) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).products(30).seed(11)
                .clock(new ShiftedClock(Duration.ofHours(-1))).build().start();
             OdooClient odoo = fake.client(version.equals("19.0") ? Transport.JSON2 : Transport.XMLRPC);
             StateDatabase state = World.freshState();
             ReadModel readModel = World.inMemoryReadModel()) {
            SyncEngine engine = SyncEngine.builder().sources(Map.of(SOURCE, odoo)).projector(readModel.projector())
                    .stateStore(state.stateStore())
                    .projections(readModel.projections().stream().filter(p -> MODELS.contains(p.model())).toList())
                    .pageSize(200).parallelism(2).lease("reports", Duration.ofMinutes(1)).listener(SyncListener.NONE).build();
            SyncReport full = engine.run(SyncRequest.full());
            assertThat(full.outcome()).as(full.toString()).isEqualTo(Outcome.OK);

            RetailDataSummary data = fake.data().orElseThrow();
            LocalDate from = data.historyStart();
            LocalDate to = data.historyEnd();
            Reports reports = readModel.reports();
            OdooReportCheck check = new OdooReportCheck(odoo, SOURCE, reports);
            long vendor = data.vendorIds().get(0);
            VendorScope scope = VendorScope.of(SOURCE, List.of(vendor));
            for (SalesQuery query : List.of(SalesQuery.all(),
                    SalesQuery.all().withZone(ZoneId.of("Europe/Brussels")),
                    SalesQuery.all().withAmount(AmountBasis.TAXED).withZone(ZoneId.of("America/New_York")),
                    SalesQuery.of(scope).withZone(ZoneId.of("Europe/Brussels")))) {
                for (Granularity g : Granularity.values()) {
                    assertThat(check.sales(query, g, g == Granularity.DAY ? to.minusDays(20) : from, to))
                            .as("sales by %s, %s", g, query).isEmpty();
                }
                assertThat(check.topProducts(query, from, to, 15)).as("top products, %s", query).isEmpty();
            }
            assertThat(check.customerActivity()).as("customers").isEmpty();
            List<Long> allVendors = data.vendorIds();
            assertThat(new OdooStockCheck(odoo, SOURCE, reports).stockStatus(VendorScope.of(SOURCE, allVendors)))
                    .as("stock status and low-stock alerts").isEmpty();
            assertThat(reports.stockStatus(VendorScope.of(SOURCE, allVendors))).isNotEmpty();

            // the kinds the old stock-view join dropped are there: services, consumables, archived products
            List<TopProduct> top = reports.topProducts(SalesQuery.all(), from, to, 1000);
            Set<Long> archived = Set.copyOf(odoo.model("product.product").search(Domains.eq("active", false),
                    SearchOptions.DEFAULT.includeArchived()));
            assertThat(archived).isNotEmpty();
            assertThat(top).extracting(TopProduct::productId).containsAll(archived);
            List<OdooRecord> services = odoo.model("product.product").searchRead(Domains.eq("type", "service"),
                    List.of("id"), SearchOptions.DEFAULT);
            assertThat(services).isNotEmpty();
            assertThat(top).extracting(TopProduct::productId).containsAll(services.stream().map(OdooRecord::id).toList());
            assertThat(reports.topProducts(SalesQuery.of(scope), from, to, 1000)).extracting(TopProduct::productId)
                    .containsAll(archived);

            // the zone decides the day of orders placed at 23:30 UTC
            List<SalesPeriod> utc = reports.sales(SalesQuery.all(), Granularity.DAY, from, to);
            List<SalesPeriod> brussels = reports.sales(SalesQuery.all().withZone(ZoneId.of("Europe/Brussels")),
                    Granularity.DAY, from, to);
            assertThat(brussels).isNotEqualTo(utc);
        }
    }
}
