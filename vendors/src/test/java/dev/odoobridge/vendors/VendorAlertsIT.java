package dev.odoobridge.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.readmodel.StockOptions;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.VendorScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Low-stock, near-expiry and expired alerts per vendor scope on the shared generated shops, compared
 * with the set computed independently from FakeOdoo's quants, lots, locations and reordering rules.
 */
class VendorAlertsIT {
    private static SharedShops shops;
    private static ShopTruth truth;
    private static List<Long> vendors;

    @BeforeAll
    static void start() {
        shops = SharedShops.get();
        truth = new ShopTruth(shops.fake(SharedShops.SHOP));
        vendors = shops.data(SharedShops.SHOP).vendorIds();
    }

    /** One alert as text, comparable between both sides. */
    private static String key(Alert.Kind kind, long product, String lot, double quantity) {
        return kind + " " + product + " " + (lot == null ? "-" : lot) + " " + Math.round(quantity * 1000);
    }

    private static Set<String> expected(Set<Long> partners, int nearExpiryDays) {
        Set<Long> products = truth.productsOf(partners);
        Set<String> out = new HashSet<>();
        double fallback = StockOptions.DEFAULTS.defaultThreshold();
        for (long p : products) {
            if (truth.active(p) && truth.onHand(p) <= truth.threshold(p, fallback)) {
                out.add(key(Alert.Kind.LOW_STOCK, p, null, truth.onHand(p)));
            }
        }
        Instant now = shops.now;
        Instant horizon = now.plus(Duration.ofDays(nearExpiryDays));
        for (ShopTruth.Lot lot : truth.lots()) {
            if (products.contains(lot.productId()) && lot.quantity() > 0 && lot.expiration() != null
                    && !lot.expiration().isAfter(horizon)) {
                out.add(key(lot.expiration().isAfter(now) ? Alert.Kind.NEAR_EXPIRY : Alert.Kind.EXPIRED, lot.productId(),
                        lot.name(), lot.quantity()));
            }
        }
        return out;
    }

    private static Set<String> actual(Set<Long> partners, int nearExpiryDays) {
        Set<String> out = new HashSet<>();
        List<Alert> alerts = shops.model.reports().alerts(VendorScope.of(SharedShops.SHOP, partners), nearExpiryDays);
        for (Alert a : alerts) {
            assertThat(a.source()).isEqualTo(SharedShops.SHOP);
            out.add(key(a.kind(), a.productId(), a.lotName(), a.quantity()));
        }
        assertThat(out).as("no duplicate alerts").hasSize(alerts.size());
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 30, 365})
    void everyVendorsAlertsAreExactlyWhatFakeOdooHolds(int nearExpiryDays) {
        List<String> mismatches = new ArrayList<>();
        for (long vendor : vendors) {
            Set<String> want = expected(Set.of(vendor), nearExpiryDays);
            Set<String> got = actual(Set.of(vendor), nearExpiryDays);
            if (!want.equals(got)) {
                mismatches.add("vendor " + vendor + ": expected " + want + " but got " + got);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aScopeOfSeveralVendorsGetsTheUnionOfTheirAlerts() {
        Set<Long> all = new HashSet<>(vendors);
        Set<String> union = new HashSet<>();
        vendors.forEach(v -> union.addAll(expected(Set.of(v), 30)));
        assertThat(actual(all, 30)).isEqualTo(expected(all, 30)).isEqualTo(union);
    }

    @Test
    void theGeneratedShopHasEveryKindOfAlert() {
        Set<String> all = expected(new HashSet<>(vendors), 30);
        for (Alert.Kind kind : Alert.Kind.values()) {
            assertThat(all).as("the data exercises %s", kind).anyMatch(k -> k.startsWith(kind.name() + " "));
        }
    }
}
