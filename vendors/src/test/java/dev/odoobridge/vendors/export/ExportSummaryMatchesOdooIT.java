package dev.odoobridge.vendors.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.readmodel.StockOptions;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.sync.report.OdooStockCheck;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataSummary;
import dev.odoobridge.vendors.DirectFeed;
import dev.odoobridge.vendors.ShopFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project has no dashboard; its summary figures are the vendor stock export's ("summary": urgent, moderate,
 * healthy; the demo's "N products in its report, M urgent") and the lots the export lists as expired or near
 * expiry. Each equals the figure computed from Odoo's side ({@link OdooStockCheck#odooStock}: qty_available
 * against the reordering rules; {@link OdooStockCheck#odooLots}: stock.quant grouped by lot in internal
 * locations and product_expiry's expiry dates) for every vendor, on Odoo 17.0, 18.0 and 19.0 with product_expiry.
 */
class ExportSummaryMatchesOdooIT {
    private static final String SOURCE = "shop";
    private static final int NEAR_EXPIRY_DAYS = 30;

    @ParameterizedTest(name = "Odoo {0}")
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void everyVendorsSummaryFiguresEqualOdoos(String version) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).products(25).seed(19).modules("product_expiry").build().start();
             OdooClient odoo = fake.adminClient()) {
            RetailDataSummary data = fake.data().orElseThrow();
            Instant now = data.now();
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            try (ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().stockOptions(StockOptions.DEFAULTS)
                    .build(), clock)) {
                DirectFeed.copy(fake, SOURCE, model.projector(), ShopFixtures.Synced.STOCK_MODELS);
                VendorReports exports = new VendorReports(model.reports(), clock);
                OdooStockCheck odooSide = new OdooStockCheck(odoo, SOURCE, model.reports());
                long urgentSeen = 0;
                long lotsSeen = 0;
                for (long vendor : data.vendorIds()) {
                    VendorScope scope = VendorScope.of(SOURCE, List.of(vendor));
                    VendorStockReport report = exports.stockReport("vendor-" + vendor, scope, 30, NEAR_EXPIRY_DAYS);
                    Map<Long, OdooStockCheck.OdooStock> stock = odooSide.odooStock(scope);
                    String who = "vendor " + vendor + " on " + version;
                    assertThat(report.rows()).as("products in the report, %s", who).hasSize(stock.size());
                    for (StockStatus status : StockStatus.values()) {
                        long theirs = stock.values().stream().filter(s -> s.status() == status).count();
                        assertThat(report.count(status.name())).as("%s count, %s", status, who).isEqualTo(theirs);
                    }
                    Map<Long, OdooStockCheck.OdooLot> lots = odooSide.odooLots(scope, NEAR_EXPIRY_DAYS, now).orElseThrow();
                    List<VendorStockRow.LotExpiry> listed = report.rows().stream().flatMap(r -> r.nearExpiryLots().stream()).toList();
                    for (boolean expired : new boolean[] {true, false}) {
                        Alert.Kind kind = expired ? Alert.Kind.EXPIRED : Alert.Kind.NEAR_EXPIRY;
                        assertThat(listed.stream().filter(l -> l.expired() == expired).count()).as("%s lots, %s", kind, who)
                                .isEqualTo(lots.values().stream().filter(l -> l.kind() == kind).count());
                        assertThat(listed.stream().filter(l -> l.expired() == expired).mapToDouble(VendorStockRow.LotExpiry::quantity).sum())
                                .as("%s lot quantity, %s", kind, who).isCloseTo(lots.values().stream()
                                        .filter(l -> l.kind() == kind).mapToDouble(OdooStockCheck.OdooLot::quantity).sum(),
                                        offset(1e-6));
                    }
                    urgentSeen += report.count("URGENT");
                    lotsSeen += listed.size();
                }
                // the comparison is not of empty sets
                assertThat(urgentSeen).as("urgent products on %s", version).isPositive();
                assertThat(lotsSeen).as("expiry lots on %s", version).isPositive();
                assertThat(Set.copyOf(data.vendorIds())).hasSizeGreaterThan(1);
            }
        }
    }
}
