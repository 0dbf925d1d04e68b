package dev.odoobridge.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.Granularity;
import dev.odoobridge.readmodel.report.ProductForecast;
import dev.odoobridge.readmodel.report.ProductVelocity;
import dev.odoobridge.readmodel.report.Reports;
import dev.odoobridge.readmodel.report.SalesPeriod;
import dev.odoobridge.readmodel.report.SalesQuery;
import dev.odoobridge.readmodel.report.StockStatusRow;
import dev.odoobridge.readmodel.report.TopProduct;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.vendors.VendorLinkException.Reason;
import dev.odoobridge.vendors.export.VendorReports;
import dev.odoobridge.vendors.export.VendorStockRow;
import dev.odoobridge.testkit.FakeOdoo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * A vendor never sees another vendor's data. Arbitrary vendor identities (injection-looking,
 * control characters, unicode, too long), partner ids and sources go through {@link VendorLinking}
 * and straight into {@link VendorScope}, {@link Reports} and {@link VendorReports}; every row that
 * comes back is checked against FakeOdoo's own product.supplierinfo, never the read model.
 */
class VendorScopingFuzzIT {
    private static final byte[] SECRET = "fuzzing-secret-with-enough-bytes-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Pattern CODE = Pattern.compile(">(\\d{6})</b>");
    private static final List<String> HOSTILE = List.of("$where", "{'$ne': 1}", "{\"$gt\": \"\"}", "|", "&", "!",
            "('id','>',0)", "[('partner_id','!=',False)]", "\u0000", "shop\u0000", "shop ", " shop", "SHOP", "shop.*",
            "^shop$", "$or", "_source", "ünïcødé-ベンダー", "\uD83D\uDE00", "'; DROP TABLE vendor_links; --", "a".repeat(300));

    private static Map<String, ShopTruth> truths;

    private static synchronized Map<String, ShopTruth> truths() {
        if (truths == null) {
            SharedShops shops = SharedShops.get();
            truths = Map.of(SharedShops.SHOP, new ShopTruth(shops.fake(SharedShops.SHOP)),
                    SharedShops.ANNEX, new ShopTruth(shops.fake(SharedShops.ANNEX)));
        }
        return truths;
    }

    @Property(tries = 60)
    void arbitraryScopesSeeOnlyTheirPartnersProducts(@ForAll("scopes") Map<String, Set<Long>> wanted) {
        checkScope(wanted);
    }

    @Property(tries = 1500)
    @Tag("long")
    void arbitraryScopesSeeOnlyTheirPartnersProductsLong(@ForAll("scopes") Map<String, Set<Long>> wanted) {
        checkScope(wanted);
    }

    @Property(tries = 40)
    void linkedVendorsSeeOnlyWhatTheyProved(@ForAll("identities") String vendor, @ForAll("requests") List<Request> requests,
                                            @ForAll("identities") String stranger) {
        checkLinking(vendor, requests, stranger);
    }

    @Property(tries = 400)
    @Tag("long")
    void linkedVendorsSeeOnlyWhatTheyProvedLong(@ForAll("identities") String vendor, @ForAll("requests") List<Request> requests,
                                                @ForAll("identities") String stranger) {
        checkLinking(vendor, requests, stranger);
    }

    /** One link attempt: a source name, a partner id, and whether the vendor types the mailed code or a guess. */
    record Request(String source, long partnerId, boolean rightCode) {
    }

    private static void checkScope(Map<String, Set<Long>> wanted) {
        boolean valid = !wanted.isEmpty() && wanted.entrySet().stream().allMatch(e -> !e.getKey().isBlank()
                && !e.getValue().isEmpty() && e.getValue().stream().allMatch(id -> id > 0));
        if (!valid) {
            assertThatThrownBy(() -> new VendorScope(wanted)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        assertNoLeak(new VendorScope(wanted));
    }

    private static void checkLinking(String vendor, List<Request> requests, String stranger) {
        SharedShops shops = SharedShops.get();
        VendorLinkingTest.MutableClock clock = new VendorLinkingTest.MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        OdooVendorGateway gateway = new OdooVendorGateway(shops.clients());
        VendorLinking linking = new VendorLinking(new InMemoryVendorStore(), gateway, gateway, SECRET, OtpPolicy.DEFAULT,
                VendorLinking.DeliveryTarget.PARTNER, clock);
        boolean validVendor = vendor != null && !vendor.isBlank() && vendor.length() <= 254;
        if (!validVendor) {
            assertThatThrownBy(() -> linking.requestLink(vendor, SharedShops.SHOP, 1, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> linking.confirm(vendor, "000000")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> linking.scopeOf(vendor)).isInstanceOf(VendorLinkException.class)
                    .extracting(e -> ((VendorLinkException) e).reason()).isEqualTo(Reason.NOT_LINKED);
            return;
        }
        Map<String, Set<Long>> proved = new LinkedHashMap<>();
        for (Request r : requests) {
            clock.advance(Duration.ofHours(2));
            FakeOdoo shop = shops.clients().containsKey(r.source()) ? shops.fake(r.source()) : null;
            int before = shop == null ? 0 : shop.sentMails().size();
            try {
                linking.requestLink(vendor, r.source(), r.partnerId(), null);
            } catch (VendorLinkException e) {
                assertThat(e.reason()).isIn(Reason.UNKNOWN_SOURCE, Reason.UNKNOWN_PARTNER, Reason.NO_EMAIL);
                assertThat(shop == null ? 0 : shop.sentMails().size()).as("no mail on refusal").isEqualTo(before);
                continue;
            }
            assertThat(shop).as("a code for an unknown source").isNotNull();
            List<Map<String, Object>> mails = shop.sentMails();
            assertThat(mails).hasSize(before + 1);
            Matcher m = CODE.matcher(String.valueOf(mails.get(mails.size() - 1).get("body_html")));
            assertThat(m.find()).isTrue();
            String code = m.group(1);
            if (!stranger.equals(vendor) && stranger.length() <= 254 && !stranger.isBlank()) {
                assertThatThrownBy(() -> linking.confirm(stranger, code)).as("another identity cannot use the code")
                        .isInstanceOf(VendorLinkException.class);
            }
            if (r.rightCode()) {
                VendorLink link = linking.confirm(vendor, code);
                assertThat(link.source()).isEqualTo(r.source());
                assertThat(link.partnerId()).isEqualTo(r.partnerId());
                proved.computeIfAbsent(r.source(), s -> new HashSet<>()).add(r.partnerId());
            } else {
                String wrong = code.equals("999999") ? "000000" : String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
                assertThatThrownBy(() -> linking.confirm(vendor, wrong)).isInstanceOf(VendorLinkException.class)
                        .extracting(e -> ((VendorLinkException) e).reason()).isEqualTo(Reason.WRONG_CODE);
            }
        }
        if (!stranger.equals(vendor) && !stranger.isBlank() && stranger.length() <= 254) {
            assertThatThrownBy(() -> linking.scopeOf(stranger)).isInstanceOf(VendorLinkException.class)
                    .extracting(e -> ((VendorLinkException) e).reason()).isEqualTo(Reason.NOT_LINKED);
        }
        if (proved.isEmpty()) {
            assertThatThrownBy(() -> linking.scopeOf(vendor)).isInstanceOf(VendorLinkException.class)
                    .extracting(e -> ((VendorLinkException) e).reason()).isEqualTo(Reason.NOT_LINKED);
            return;
        }
        VendorScope scope = linking.scopeOf(vendor);
        assertThat(scope.partnersBySource()).isEqualTo(proved);
        assertNoLeak(scope);
    }

    /** Every row of every scoped query belongs to one of the scope's partners in its own source. */
    private static void assertNoLeak(VendorScope scope) {
        SharedShops shops = SharedShops.get();
        Map<String, Set<Long>> allowed = new HashMap<>();
        scope.partnersBySource().forEach((source, partners) -> {
            ShopTruth truth = truths().get(source);
            allowed.put(source, truth == null ? Set.of() : truth.productsOf(partners));
        });
        List<String> leaks = new ArrayList<>();
        BiConsumer<String, Long> check = (source, product) -> {
            if (!allowed.getOrDefault(source, Set.of()).contains(product)) {
                leaks.add(source + ":" + product);
            }
        };
        Reports reports = shops.model.reports();
        LocalDate today = LocalDate.ofInstant(shops.now, ZoneOffset.UTC);
        List<StockStatusRow> status = reports.stockStatus(scope);
        status.forEach(r -> check.accept(r.source(), r.productId()));
        reports.salesVelocity(scope, 30).forEach(r -> check.accept(r.source(), r.productId()));
        List<ProductForecast> forecast = reports.forecast(scope, 30);
        forecast.forEach(r -> check.accept(r.source(), r.productId()));
        for (Alert a : reports.alerts(scope, 60)) {
            check.accept(a.source(), a.productId());
        }
        List<TopProduct> top = reports.topProducts(SalesQuery.of(scope), today.minusYears(1), today, 10_000);
        top.forEach(r -> check.accept(r.source(), r.productId()));
        for (VendorStockRow r : new VendorReports(reports, Clock.fixed(shops.now, ZoneOffset.UTC))
                .stockReport("fuzz", scope, 30, 30).rows()) {
            check.accept(r.source(), r.productId());
        }
        assertThat(leaks).as("rows outside the scope %s", scope).isEmpty();

        double sold = reports.sales(SalesQuery.of(scope), Granularity.MONTH, today.minusYears(1), today).stream()
                .mapToDouble(SalesPeriod::quantity).sum();
        double expected = 0;
        for (Map.Entry<String, Set<Long>> e : allowed.entrySet()) {
            ShopTruth truth = truths().get(e.getKey());
            expected += truth == null ? 0 : truth.confirmedSales(e.getValue());
        }
        assertThat(sold).as("sales of the scope's products only").isCloseTo(expected, within(1e-6));
        assertThat(top.stream().mapToDouble(TopProduct::quantity).sum()).isCloseTo(expected, within(1e-6));
        Set<String> expectedActive = new HashSet<>();
        allowed.forEach((source, products) -> products.stream().filter(p -> truths().get(source).active(p))
                .forEach(p -> expectedActive.add(source + ":" + p)));
        Set<String> listed = new HashSet<>();
        status.forEach(r -> listed.add(r.source() + ":" + r.productId()));
        assertThat(listed).as("every active product of the scope is listed").isEqualTo(expectedActive);
    }

    @Provide
    Arbitrary<Map<String, Set<Long>>> scopes() {
        Arbitrary<String> source = Arbitraries.oneOf(Arbitraries.of(SharedShops.SHOP, SharedShops.ANNEX).injectDuplicates(0.5),
                Arbitraries.of(HOSTILE), Arbitraries.strings().ofMaxLength(12), Arbitraries.just(""), Arbitraries.just(" "));
        Arbitrary<Set<Long>> ids = partnerIds().set().ofMaxSize(5);
        return Arbitraries.maps(source, ids).ofMaxSize(3);
    }

    private static Arbitrary<Long> partnerIds() {
        SharedShops shops = SharedShops.get();
        List<Long> vendors = new ArrayList<>(shops.data(SharedShops.SHOP).vendorIds());
        vendors.addAll(shops.data(SharedShops.ANNEX).vendorIds());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(vendors)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 120)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 2L, 3L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs()));
    }

    @Provide
    Arbitrary<String> identities() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12).map(s -> s + "@vendor.example"),
                Arbitraries.of(HOSTILE),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().ofMinLength(250).ofMaxLength(600),
                Arbitraries.of("", " ", "\t\n"));
    }

    @Provide
    Arbitrary<List<Request>> requests() {
        Arbitrary<String> source = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.of(SharedShops.SHOP, SharedShops.ANNEX)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(HOSTILE)));
        Arbitrary<Long> partner = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(7, Arbitraries.of(new ArrayList<>(SharedShops.get().data(SharedShops.SHOP).vendorIds()))),
                net.jqwik.api.Tuple.of(3, partnerIds()));
        return Combinators.combine(source, partner, Arbitraries.of(true, true, false)).as(Request::new).list().ofMaxSize(3);
    }
}
