package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.testkit.internal.orm.FakeOrm;
import dev.odoobridge.testkit.internal.orm.OdooRelease;
import dev.odoobridge.testkit.internal.orm.OrmRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generator writes the fields each version's real schema has, and the strict store of that release takes them. */
class RetailDataVersionsTest {
    private static final Instant NOW = Instant.parse("2025-06-15T10:30:00Z");

    @ParameterizedTest
    @CsvSource({"17.0, true", "17.0, false", "18.0, true", "18.0, false", "19.0, true", "19.0, false"})
    void generatedRecordsFitTheVersionSchema(String version, boolean expiry) {
        RetailDataGenerator generator = RetailDataGenerator.builder().now(NOW).products(40).customers(15).days(20)
                .odooVersion(version).productExpiry(expiry).build();
        SchemaCheckingSink sink = new SchemaCheckingSink(version, expiry);
        RetailDataSummary summary = generator.generate(sink);

        OdooRelease release = OdooRelease.of(version);
        release = expiry ? release.with(Set.of("product_expiry")) : release.without(Set.of("product_expiry"));
        FakeOrm orm = new FakeOrm(Clock.fixed(NOW, ZoneOffset.UTC), release);
        orm.insert("res.users", Map.of("login", "__system__", "name", "OdooBot"));
        orm.insert("res.users", Map.of("login", "admin", "name", "Administrator"));
        RetailDataSummary stored = generator.generate(orm::insert);
        assertThat(stored.counts()).isEqualTo(summary.counts());

        Map<String, Object> product = sink.all("product.template").get(0);
        if (version.equals("17.0")) {
            assertThat(product).containsEntry("detailed_type", "product").doesNotContainKey("is_storable");
        } else {
            assertThat(product).containsEntry("type", "consu").containsEntry("is_storable", true)
                    .doesNotContainKey("detailed_type");
        }
        assertThat(sink.all("stock.move")).allSatisfy(move -> assertThat(move.containsKey("name"))
                .isEqualTo(!version.equals("19.0")));
        assertThat(sink.all("stock.warehouse.orderpoint")).allSatisfy(rule -> assertThat(rule.containsKey(
                "qty_multiple")).isEqualTo(!version.equals("19.0")));
        assertThat(sink.all("stock.lot")).allSatisfy(lot -> assertThat(lot.containsKey("expiration_date"))
                .isEqualTo(expiry));
        assertThat(summary.expiredLotId().isPresent()).isEqualTo(expiry);

        List<Object> domain = version.equals("17.0") ? List.of(List.of("detailed_type", "=", "product"))
                : List.of(List.of("is_storable", "=", true));
        Object storable = orm.execute(new OrmRequest("product.product", "search_count", null, List.of(domain),
                Map.of(), 2));
        assertThat(((Number) storable).intValue()).isEqualTo(40);
    }
}
