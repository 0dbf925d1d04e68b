package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.testing.FakeClock;
import dev.odoobridge.sync.testing.FakeOdoo;
import dev.odoobridge.sync.testing.InMemoryProjector;
import dev.odoobridge.sync.testing.InMemoryStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Variants show their template's name and price (Odoo's {@code _inherits}) without their own
 * write_date moving: the fake writes the variant values but keeps the variant's write_date, and
 * the engine must still bring them into the read model through the declared dependent.
 */
class DependentSyncTest {
    private static final String TEMPLATE = "product.template";
    private static final String VARIANT = "product.product";
    private static final List<String> FIELDS = List.of("name", "list_price", "active");

    private final FakeClock clock = new FakeClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final FakeOdoo odoo = new FakeOdoo(clock).model(TEMPLATE, true).model(VARIANT, true);
    private final InMemoryProjector projector = new InMemoryProjector();
    private final InMemoryStateStore store = new InMemoryStateStore(clock);

    private SyncEngine.Builder engine(int pageSize) {
        return SyncEngine.builder().source("shop", odoo.client()).projector(projector).stateStore(store)
                .projections(List.of(new Projection(TEMPLATE, "templates", FIELDS),
                        new Projection(VARIANT, "variants", List.of("product_tmpl_id", "name", "list_price", "active"))))
                .pageSize(pageSize).parallelism(1).lease("a", Duration.ofMinutes(5)).clock(clock);
    }

    private long template(String name, double price, int variants, boolean archiveLast) {
        clock.tick(100);
        long t = odoo.create(TEMPLATE, Map.of("name", name, "list_price", price));
        for (int i = 0; i < variants; i++) {
            Map<String, Object> v = new LinkedHashMap<>(Map.of("name", name, "list_price", price));
            v.put("product_tmpl_id", List.of(t, name));
            long id = odoo.create(VARIANT, v);
            if (archiveLast && i == variants - 1) {
                odoo.writeAt(VARIANT, id, Map.of("active", false), odoo.hiddenWriteDate(VARIANT, id));
            }
        }
        return t;
    }

    /** Writes the template and, like the delegation, the values its variants show, leaving their write_date. */
    private void writeTemplate(long template, String name, double price) {
        odoo.write(TEMPLATE, template, Map.of("name", name, "list_price", price));
        for (long v : odoo.ids(VARIANT)) {
            Map<String, Object> row = odoo.snapshot(VARIANT, List.of("product_tmpl_id")).get(v);
            if (((Number) ((List<?>) row.get("product_tmpl_id")).get(0)).longValue() == template) {
                odoo.writeAt(VARIANT, v, Map.of("name", name, "list_price", price), odoo.hiddenWriteDate(VARIANT, v));
            }
        }
    }

    private Map<String, Object> variant(long id) {
        return projector.documents("shop", VARIANT).get(id);
    }

    private List<Long> variantsOf(long template) {
        return odoo.snapshot(VARIANT, List.of("product_tmpl_id")).entrySet().stream()
                .filter(e -> ((Number) ((List<?>) e.getValue().get("product_tmpl_id")).get(0)).longValue() == template)
                .map(Map.Entry::getKey).toList();
    }

    @Test
    void templateWriteRefreshesItsVariantsIncludingArchivedOnesInTheSameRun() {
        long tea = template("Tea", 2.0, 3, true);
        long coffee = template("Coffee", 5.0, 1, false);
        SyncEngine engine = engine(2).build();
        assertThat(engine.run(SyncRequest.full()).outcome()).isEqualTo(Outcome.OK);

        clock.advance(Duration.ofMinutes(30));
        writeTemplate(tea, "Green tea", 3.5);
        List<Long> teaVariants = variantsOf(tea);
        SyncReport report = engine.run(SyncRequest.incremental().withModels(TEMPLATE));

        assertThat(report.outcome()).isEqualTo(Outcome.OK);
        assertThat(teaVariants).hasSize(3).allSatisfy(v -> assertThat(variant(v))
                .containsEntry("name", "Green tea").containsEntry("list_price", 3.5));
        assertThat(variant(teaVariants.get(2)).get("active")).as("archived variant").isNotEqualTo(Boolean.TRUE);
        long coffeeVariant = variantsOf(coffee).get(0);
        assertThat(variant(coffeeVariant)).containsEntry("name", "Coffee");
        ModelReport templates = report.models().get(0);
        assertThat(templates.counts().read()).as("the template and its three variants").isGreaterThanOrEqualTo(4);
    }

    @Test
    void withoutDependentsTheVariantsStayStale() {
        long tea = template("Tea", 2.0, 2, false);
        clock.advance(Duration.ofHours(1));
        template("Later", 1.0, 1, false); // moves the variant checkpoint past the overlap window
        SyncEngine engine = engine(10).dependents(List.of()).build();
        engine.run(SyncRequest.full());
        clock.advance(Duration.ofMinutes(30));
        writeTemplate(tea, "Green tea", 3.5);
        engine.run(SyncRequest.incremental());
        assertThat(variantsOf(tea)).allSatisfy(v -> assertThat(variant(v)).containsEntry("name", "Tea"));
    }

    @Test
    void aFailedVariantRefreshKeepsTheTemplateCheckpointSoTheNextRunRereads() {
        long tea = template("Tea", 2.0, 2, false);
        SyncEngine engine = engine(10).build();
        engine.run(SyncRequest.full());
        Checkpoint before = store.checkpoint("shop", TEMPLATE).orElseThrow();

        clock.advance(Duration.ofMinutes(30));
        writeTemplate(tea, "Green tea", 3.5);
        projector.crashOnApply(2); // 1: the template page, 2: its variants
        SyncReport failed = engine.run(SyncRequest.incremental().withModels(TEMPLATE));

        assertThat(failed.models().get(0).outcome()).isNotEqualTo(Outcome.OK);
        assertThat(failed.models().get(0).message()).contains("product.product");
        assertThat(store.checkpoint("shop", TEMPLATE).orElseThrow()).isEqualTo(before);
        assertThat(variantsOf(tea)).allSatisfy(v -> assertThat(variant(v)).containsEntry("name", "Tea"));

        assertThat(engine.run(SyncRequest.incremental().withModels(TEMPLATE)).outcome()).isEqualTo(Outcome.OK);
        assertThat(variantsOf(tea)).allSatisfy(v -> assertThat(variant(v)).containsEntry("name", "Green tea"));
        assertThat(store.checkpoint("shop", TEMPLATE).orElseThrow().writeDate()).isAfter(before.writeDate());
    }

    @Test
    void aFullSyncOfTemplatesAlsoFillsTheirVariants() {
        for (int i = 0; i < 7; i++) {
            template("T" + i, i, 1, false);
        }
        SyncEngine engine = engine(3).build();
        SyncReport report = engine.run(SyncRequest.full().withModels(TEMPLATE));
        assertThat(report.outcome()).isEqualTo(Outcome.OK);
        assertThat(projector.documents("shop", VARIANT)).hasSize(7);
    }

    @Test
    void aFullRunRereadsOnlyTheContactsOfCompaniesWrittenSinceItStarted() {
        String partner = "res.partner";
        FakeOdoo partners = new FakeOdoo(clock).model(partner, true);
        List<Long> companies = new ArrayList<>();
        Map<Long, List<Long>> contacts = new LinkedHashMap<>();
        for (int c = 0; c < 4; c++) {
            clock.tick(100);
            long company = partners.create(partner, Map.of("name", "Co" + c, "display_name", "Co" + c, "active", true));
            companies.add(company);
            for (int i = 0; i < 2; i++) {
                clock.tick(100);
                Map<String, Object> v = new LinkedHashMap<>(Map.of("name", "c" + i, "display_name", "Co" + c + ", c" + i,
                        "active", true));
                v.put("parent_id", List.of(company, "Co" + c));
                contacts.computeIfAbsent(company, k -> new ArrayList<>()).add(partners.create(partner, v));
            }
        }
        clock.advance(Duration.ofHours(1));
        long renamed = companies.get(1);
        boolean[] once = {false};
        partners.beforeEachRead(() -> {
            if (!once[0]) { // the company is renamed while the run reads: its contacts show the new name
                once[0] = true;
                partners.write(partner, renamed, Map.of("name", "Renamed", "display_name", "Renamed"));
                for (long child : contacts.get(renamed)) {
                    String name = (String) partners.snapshot(partner, List.of("name")).get(child).get("name");
                    partners.writeAt(partner, child, Map.of("display_name", "Renamed, " + name,
                            "parent_id", List.of(renamed, "Renamed")), partners.hiddenWriteDate(partner, child));
                }
            }
        });
        SyncEngine engine = SyncEngine.builder().source("shop", partners.client()).projector(projector).stateStore(store)
                .projections(List.of(new Projection(partner, "partners", List.of("name", "display_name", "parent_id", "active"))))
                .pageSize(3).parallelism(1).lease("a", Duration.ofMinutes(5)).clock(clock).build();

        assertThat(engine.run(SyncRequest.full()).outcome()).isEqualTo(Outcome.OK);

        assertThat(partners.parentIdSearches()).as("one contact re-read, for the page holding the renamed company")
                .isEqualTo(1);
        for (long child : contacts.get(renamed)) {
            assertThat(projector.documents("shop", partner).get(child).get("display_name").toString()).startsWith("Renamed, ");
        }
        for (long company : companies) {
            for (long child : contacts.get(company)) {
                assertThat(projector.documents("shop", partner).get(child).get("display_name"))
                        .isEqualTo(partners.snapshot(partner, List.of("display_name")).get(child).get("display_name"));
            }
        }
        clock.advance(Duration.ofMinutes(30));
        partners.write(partner, companies.get(2), Map.of("name", "Again"));
        engine.run(SyncRequest.incremental());
        assertThat(partners.parentIdSearches()).as("an incremental run re-reads the contacts of what it reads").isEqualTo(2);
    }

    @Test
    void aDependentIsValidated() {
        assertThatThrownBy(() -> new Dependent("product.template", "product.product", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("link field");
        assertThat(Dependent.retail()).contains(new Dependent("product.template", "product.product", "product_tmpl_id"));
    }
}
