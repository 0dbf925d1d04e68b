package dev.odoobridge.portal.data;

import static dev.odoobridge.portal.data.ShopFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.StockStatus;
import dev.odoobridge.readmodel.report.VendorScope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadModelVendorDataTest {
    private final ShopFixture shop = new ShopFixture();
    private final Map<String, Integer> calls = new TreeMap<>();
    private final VendorScope scope = VendorScope.of("north", List.of(70L)).and("south", List.of(80L));
    private VendorData data;

    @AfterEach
    void close() {
        shop.close();
    }

    /**
     * North: products 1 "apple <&\"" (5 on hand, urgent under the threshold of 10) and 2 "Banana" (40) of partner 70,
     * product 3 of partner 71. South: product 1 "Cherry" (12) of partner 80.
     */
    @BeforeEach
    void data() {
        shop.locations("north").locations("south")
                .product("north", 1, "apple <&\"", 70, 5).product("north", 2, "Banana", 70, 40)
                .product("north", 3, "Not theirs", 71, 7).product("south", 1, "Cherry", 80, 12);
        // apple: 2 a day for the last 30 days
        for (int i = 0; i < 30; i++) {
            shop.move("north", 100 + i, 1, 5, 9, 2, TODAY.minusDays(i));
        }
        shop.move("north", 200, 1, 8, 5, 50, TODAY.minusDays(10)); // a receipt
        shop.move("north", 201, 3, 5, 9, 9, TODAY);               // not theirs
        // banana's lots: one expired, one in 10 days, one in 100 days, one without expiry
        shop.lot("north", 11, 2, "B-OLD", TODAY.minusDays(3), 4).lot("north", 12, 2, "B-SOON", TODAY.plusDays(10), 6)
                .lot("north", 13, 2, "B-LATER", TODAY.plusDays(100), 8).lot("north", 14, 2, "B-NONE", null, 1)
                .lot("north", 19, 3, "OTHER", TODAY.minusDays(3), 1);
        Reports real = shop.model().reports();
        Reports counting = (Reports) Proxy.newProxyInstance(Reports.class.getClassLoader(), new Class<?>[] {Reports.class},
                (proxy, method, args) -> {
                    calls.merge(method.getName(), 1, Integer::sum);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        data = new ReadModelVendorData(counting, shop.clock());
    }

    @Test
    void dashboardJoinsStatusVelocityForecastAndLotsBySourceThenName() {
        List<DashboardRow> rows = data.dashboard(scope);
        assertThat(rows).extracting(DashboardRow::source, DashboardRow::productId, DashboardRow::status).containsExactly(
                tuple("north", 1L, StockStatus.URGENT), tuple("north", 2L, StockStatus.HEALTHY),
                tuple("south", 1L, StockStatus.MODERATE));
        // the lots of banana are in its on hand: 40 + 4 + 6 + 8 + 1
        assertThat(rows.get(1).onHand()).isEqualTo(59);
        DashboardRow apple = rows.get(0);
        assertThat(apple.name()).isEqualTo("apple <&\"");
        assertThat(apple.dailyVelocity()).isEqualTo(60 / 120.0);
        Map<String, ProductForecast> forecasts = new TreeMap<>();
        shop.model().reports().forecast(scope, 120).forEach(f -> forecasts.put(f.source() + f.productId(), f));
        assertThat(apple.daysOfCover()).isEqualTo(forecasts.get("north1").daysOfCover()).isNotNull();
        assertThat(apple.stockoutDate()).isEqualTo(forecasts.get("north1").stockoutDate()).isNotNull();
        assertThat(apple.lotsNearExpiry()).isZero();
        assertThat(apple.nearestExpiry()).isNull();
        DashboardRow banana = rows.get(1);
        assertThat(banana.dailyVelocity()).isZero();
        assertThat(banana.daysOfCover()).isNull();
        assertThat(banana.stockoutDate()).isNull();
        assertThat(banana.lotsNearExpiry()).isEqualTo(2);
        assertThat(banana.nearestExpiry()).isEqualTo(TODAY.minusDays(3));
    }

    @Test
    void dashboardCostsTheSameQueriesWhateverTheNumberOfProducts() {
        data.dashboard(scope);
        Map<String, Integer> few = new TreeMap<>(calls);
        for (int p = 10; p < 60; p++) {
            shop.product("north", p, "More " + p, 70, p).move("north", 1000 + p, p, 5, 9, 1, TODAY);
        }
        calls.clear();
        assertThat(data.dashboard(scope)).hasSize(53);
        assertThat(calls).isEqualTo(few)
                .isEqualTo(Map.of("stockOverview", 1));
    }

    @Test
    void productPageHasTheTrendTheForecastAndTheLots() {
        ProductDetail apple = data.product(scope, "north", 1).orElseThrow();
        assertThat(apple.row()).isEqualTo(data.dashboard(scope).get(0));
        assertThat(apple.trend()).hasSize(120);
        assertThat(apple.trend().get(119)).isEqualTo(new DayPoint(TODAY, 2, 5));
        // each earlier day: + the 2 delivered the next day; the receipt 10 days ago lowers the days before it by 50
        assertThat(apple.trend().get(118)).isEqualTo(new DayPoint(TODAY.minusDays(1), 2, 7));
        assertThat(apple.trend().get(109)).isEqualTo(new DayPoint(TODAY.minusDays(10), 2, 25));
        assertThat(apple.trend().get(108)).isEqualTo(new DayPoint(TODAY.minusDays(11), 2, 25 - 50 + 2));
        assertThat(apple.trend().get(0)).isEqualTo(new DayPoint(TODAY.minusDays(119), 0, 5 + 60 - 50));
        assertThat(apple.trend().stream().mapToDouble(DayPoint::sold).sum()).isEqualTo(60);
        assertThat(apple.forecast()).isEqualTo(shop.model().reports().forecast(scope, 120).get(0));
        assertThat(apple.lots()).isEmpty();

        ProductDetail banana = data.product(scope, "north", 2).orElseThrow();
        assertThat(banana.lots()).extracting(LotRow::lot, LotRow::expiry, LotRow::quantity, LotRow::expired).containsExactly(
                tuple("B-OLD", TODAY.minusDays(3), 4.0, true), tuple("B-SOON", TODAY.plusDays(10), 6.0, false),
                tuple("B-LATER", TODAY.plusDays(100), 8.0, false), tuple("B-NONE", null, 1.0, false));
        assertThat(banana.trend()).allSatisfy(p -> assertThat(p.onHand()).isEqualTo(59));
    }

    @Test
    void productsOutsideTheScopeAreEmpty() {
        assertThat(data.product(scope, "north", 3)).isEmpty();
        assertThat(data.product(scope, "north", 404)).isEmpty();
        assertThat(data.product(scope, "elsewhere", 1)).isEmpty();
        assertThat(data.product(VendorScope.of("north", List.of(70L)), "south", 1)).isEmpty();
        assertThat(data.product(scope, "south", 1)).isPresent();
        assertThat(data.dashboard(VendorScope.of("north", List.of(71L)))).extracting(DashboardRow::productId)
                .containsExactly(3L);
    }
}
