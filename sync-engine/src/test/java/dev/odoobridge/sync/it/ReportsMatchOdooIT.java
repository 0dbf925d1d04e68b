package dev.odoobridge.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.report.Alert;
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
import dev.odoobridge.sync.report.ReportDifference;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * for one vendor; customer activity, stock status, low-stock alerts and (with product_expiry) the near-expiry and
 * expired lot alerts equal Odoo's too.
 */
class ReportsMatchOdooIT {
    private static final String SOURCE = "shop";
    private static final List<String> MODELS = List.of("res.partner", "product.template", "product.product",
            "product.supplierinfo", "stock.warehouse", "stock.location", "stock.lot", "stock.quant", "stock.move",
            "stock.warehouse.orderpoint", "sale.order", "sale.order.line");

    @ParameterizedTest(name = "Odoo {0}")
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void everySalesFigureEqualsOdoos(String version) {
        // 17.0 and 18.0 were recorded with product_expiry; 19.0 gets it so lots have expiry dates everywhere
        try (FakeOdoo fake = FakeOdoo.builder().version(version).products(30).seed(11).modules("product_expiry")
                .clock(new ShiftedClock(Duration.ofHours(-1))).build().start();
             OdooClient odoo = fake.client(version.equals("19.0") ? Transport.JSON2 : Transport.XMLRPC);
             StateDatabase state = World.freshState();
             // the read model's "now" is the data's, so the expiry alerts and the check see the same instant
             ReadModel readModel = ReadModels.open(ReadModelConfig.builder().inMemory().build(),
                     Clock.fixed(fake.data().orElseThrow().now(), ZoneOffset.UTC))) {
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
            assertThat(reports.customerActivity(SOURCE)).as("customers to compare").hasSizeGreaterThan(5);
            assertThat(check.customerActivity()).as("customers: orders, total, first and last order").isEmpty();
            List<Long> allVendors = data.vendorIds();
            assertThat(new OdooStockCheck(odoo, SOURCE, reports).stockStatus(VendorScope.of(SOURCE, allVendors)))
                    .as("stock status and low-stock alerts").isEmpty();
            assertThat(reports.stockStatus(VendorScope.of(SOURCE, allVendors))).isNotEmpty();

            // near-expiry and expired lots: both kinds are there, and equal Odoo's at 30 and 0 days
            OdooStockCheck stock = new OdooStockCheck(odoo, SOURCE, reports);
            VendorScope everyone = VendorScope.of(SOURCE, allVendors);
            for (int days : List.of(30, 0)) {
                assertThat(stock.lotExpiry(everyone, days, data.now())).as("lot expiry alerts, %d days", days)
                        .hasValue(List.of());
            }
            List<Alert> expiry = reports.alerts(everyone, 30).stream().filter(a -> a.kind() != Alert.Kind.LOW_STOCK).toList();
            assertThat(expiry).extracting(Alert::kind).contains(Alert.Kind.EXPIRED, Alert.Kind.NEAR_EXPIRY);
            assertThat(expiry).extracting(Alert::lotId).containsAll(data.expiredLotIds());
            assertThat(stock.lotExpiry(scope, 30, data.now())).as("one vendor's lot expiry alerts").hasValue(List.of());
            // a lot Odoo no longer counts as expired, not yet synced, is a difference
            long expired = data.expiredLotIds().get(0);
            odoo.model("stock.lot").write(List.of(expired), Map.of("expiration_date", "2099-01-01 00:00:00"));
            assertThat(stock.lotExpiry(everyone, 30, data.now()).orElseThrow())
                    .extracting(ReportDifference::key, ReportDifference::figure).containsExactly(tuple("lot " + expired, "listed"));

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

    @ParameterizedTest(name = "Odoo {0} without product_expiry")
    @ValueSource(strings = {"17.0", "19.0"})
    void lotExpiryIsNotCheckedWhereTheServerHasNoExpiryDates(String version) {
        FakeOdoo.Builder builder = FakeOdoo.builder().version(version).products(5).seed(3);
        if (version.equals("17.0")) {
            builder.without("product_expiry"); // 19.0 has no product_expiry unless asked for
        }
        try (FakeOdoo fake = builder.build().start();
             OdooClient odoo = fake.client(Transport.XMLRPC);
             ReadModel readModel = World.inMemoryReadModel()) {
            VendorScope scope = VendorScope.of(SOURCE, fake.data().orElseThrow().vendorIds());
            assertThat(new OdooStockCheck(odoo, SOURCE, readModel.reports()).lotExpiry(scope, 30, Instant.now())).isEmpty();
        }
    }
}
