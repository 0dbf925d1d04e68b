package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.spi.OdooClientListener;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.sync.state.Checkpoint;
import dev.odoobridge.sync.testing.FakeClock;
import dev.odoobridge.sync.testing.InMemoryProjector;
import dev.odoobridge.sync.testing.InMemoryStateStore;
import dev.odoobridge.testkit.FakeOdoo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records that show values of another record: variants show their template's name and price (Odoo's
 * {@code _inherits}; their write_date follows the template's), contacts show their company's name in
 * their display name (their write_date stays). A run of the parent model must bring them into the read
 * model through the declared dependent.
 */
class DependentSyncTest {
    private static final String TEMPLATE = "product.template";
    private static final String VARIANT = "product.product";
    private static final String PARTNER = "res.partner";
    private static final List<String> FIELDS = List.of("name", "list_price", "active");

    private final FakeClock clock = new FakeClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final FakeOdoo fake = FakeOdoo.builder().clock(clock).build().start();
    private final OdooClient users = fake.client(Transport.JSON2);
    private final AtomicLong parentIdSearches = new AtomicLong();
    private volatile Runnable beforeFirstRead = () -> { };
    private final OdooClient client = spied(OdooClients.create(fake.config(Transport.JSON2, FakeOdoo.ADMIN).toBuilder()
            .listener(new OdooClientListener() {
                @Override
                public void requestStarted(CallInfo call) {
                    if (call.method().startsWith("search") || call.method().equals("read")) {
                        Runnable hook = beforeFirstRead;
                        beforeFirstRead = () -> { };
                        hook.run();
                    }
                }
            }).build()));
    private final InMemoryProjector projector = new InMemoryProjector();
    private final InMemoryStateStore store = new InMemoryStateStore(clock);
    private final long category = fake.orm().insert("product.category", Map.of("name", "All"));

    @AfterEach
    void close() {
        client.close();
        users.close();
        fake.close();
    }

    /** The client, counting the searches whose domain is on parent_id (the contacts-on-their-company refresh). */
    private OdooClient spied(OdooClient real) {
        return (OdooClient) Proxy.newProxyInstance(OdooClient.class.getClassLoader(), new Class<?>[] {OdooClient.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("model")) {
                        ModelHandle handle = (ModelHandle) result;
                        return Proxy.newProxyInstance(ModelHandle.class.getClassLoader(), new Class<?>[] {ModelHandle.class},
                                (p, m, a) -> {
                                    if (a != null && a.length > 0 && a[0] instanceof Domain.Condition c
                                            && c.path().equals("parent_id")) {
                                        parentIdSearches.incrementAndGet();
                                    }
                                    return invoke(handle, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private SyncEngine.Builder engine(int pageSize) {
        return SyncEngine.builder().source("shop", client).projector(projector).stateStore(store)
                .projections(List.of(new Projection(TEMPLATE, "templates", FIELDS),
                        new Projection(VARIANT, "variants", List.of("product_tmpl_id", "name", "list_price", "active"))))
                .pageSize(pageSize).parallelism(1).lease("a", Duration.ofMinutes(5)).clock(clock);
    }

    private SyncEngine.Builder partnerEngine() {
        return SyncEngine.builder().source("shop", client).projector(projector).stateStore(store)
                .projections(List.of(new Projection(PARTNER, "partners", List.of("name", "display_name", "parent_id", "active"))))
                .pageSize(3).parallelism(1).lease("a", Duration.ofMinutes(5)).clock(clock);
    }

    /** A template with its variants, created now; the last variant archived when asked. */
    private long template(String name, double price, int variants, boolean archiveLast) {
        clock.tick(100);
        long t = fake.orm().insert(TEMPLATE, Map.of("name", name, "list_price", price, "categ_id", category));
        for (int i = 0; i < variants; i++) {
            long id = fake.orm().insert(VARIANT, Map.of("product_tmpl_id", t, "default_code", name + "-" + i));
            if (archiveLast && i == variants - 1) {
                users.model(VARIANT).write(List.of(id), Map.of("active", false));
            }
        }
        return t;
    }

    /** Writes the template; its variants show the new values while their own write_date stays. */
    private void writeTemplate(long template, String name, double price) {
        users.model(TEMPLATE).write(List.of(template), Map.of("name", name, "list_price", price));
    }

    /** The partners' display names as Odoo shows them now, by id. */
    private Map<Long, Object> displayNames() {
        Map<Long, Object> out = new LinkedHashMap<>();
        fake.records(PARTNER, List.of("display_name")).forEach(r -> out.put(((Number) r.get("id")).longValue(),
                r.get("display_name")));
        return out;
    }

    private Map<String, Object> variant(long id) {
        return projector.documents("shop", VARIANT).get(id);
    }

    private List<Long> variantsOf(long template) {
        return fake.records(VARIANT, List.of("product_tmpl_id")).stream()
                .filter(r -> ((Number) ((List<?>) r.get("product_tmpl_id")).get(0)).longValue() == template)
                .map(r -> ((Number) r.get("id")).longValue()).toList();
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
    void withoutDependentsATemplatesRunLeavesTheVariantsToTheirOwnRunWhichSeesTheirMovedWriteDate() {
        long tea = template("Tea", 2.0, 2, false);
        clock.advance(Duration.ofHours(1));
        template("Later", 1.0, 1, false); // moves the variant checkpoint past the overlap window
        SyncEngine engine = engine(10).dependents(List.of()).build();
        engine.run(SyncRequest.full());
        clock.advance(Duration.ofMinutes(30));
        writeTemplate(tea, "Green tea", 3.5);
        engine.run(SyncRequest.incremental().withModels(TEMPLATE));
        assertThat(variantsOf(tea)).allSatisfy(v -> assertThat(variant(v)).containsEntry("name", "Tea"));
        // Odoo moves a variant's write_date with its template's: the variants' own run reads them
        engine.run(SyncRequest.incremental().withModels(VARIANT));
        assertThat(variantsOf(tea)).allSatisfy(v -> assertThat(variant(v)).containsEntry("name", "Green tea"));
    }

    @Test
    void withoutDependentsContactsKeepTheirCompanysOldName() {
        long company = fake.orm().insert(PARTNER, Map.of("name", "Co", "is_company", true));
        long contact = fake.orm().insert(PARTNER, Map.of("name", "c", "parent_id", company));
        clock.advance(Duration.ofHours(1));
        fake.orm().insert(PARTNER, Map.of("name", "Later")); // moves the checkpoint past the overlap window
        SyncEngine engine = partnerEngine().dependents(List.of()).build();
        engine.run(SyncRequest.full());
        clock.advance(Duration.ofMinutes(30));
        users.model(PARTNER).write(List.of(company), Map.of("name", "Renamed"));
        engine.run(SyncRequest.incremental());
        assertThat(projector.documents("shop", PARTNER).get(company)).containsEntry("name", "Renamed");
        assertThat(projector.documents("shop", PARTNER).get(contact)).containsEntry("display_name", "Co, c");
        assertThat(displayNames().get(contact)).as("what Odoo shows now").isEqualTo("Renamed, c");
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
        List<Long> companies = new ArrayList<>();
        Map<Long, List<Long>> contacts = new LinkedHashMap<>();
        for (int c = 0; c < 4; c++) {
            clock.tick(100);
            long company = fake.orm().insert(PARTNER, Map.of("name", "Co" + c, "is_company", true));
            companies.add(company);
            for (int i = 0; i < 2; i++) {
                clock.tick(100);
                contacts.computeIfAbsent(company, k -> new ArrayList<>())
                        .add(fake.orm().insert(PARTNER, Map.of("name", "c" + i, "parent_id", company)));
            }
        }
        clock.advance(Duration.ofHours(1));
        long renamed = companies.get(1);
        // the company is renamed while the run reads: its contacts show the new name, their write_date stays
        beforeFirstRead = () -> users.model(PARTNER).write(List.of(renamed), Map.of("name", "Renamed"));
        SyncEngine engine = partnerEngine().build();

        assertThat(engine.run(SyncRequest.full()).outcome()).isEqualTo(Outcome.OK);

        assertThat(parentIdSearches.get()).as("one contact re-read, for the page holding the renamed company")
                .isEqualTo(1);
        Map<Long, Object> odoo = displayNames();
        for (long child : contacts.get(renamed)) {
            assertThat(projector.documents("shop", PARTNER).get(child).get("display_name").toString()).startsWith("Renamed, ");
        }
        for (long company : companies) {
            for (long child : contacts.get(company)) {
                assertThat(projector.documents("shop", PARTNER).get(child).get("display_name"))
                        .isEqualTo(odoo.get(child));
            }
        }
        clock.advance(Duration.ofMinutes(30));
        users.model(PARTNER).write(List.of(companies.get(2)), Map.of("name", "Again"));
        engine.run(SyncRequest.incremental());
        assertThat(parentIdSearches.get()).as("an incremental run re-reads the contacts of what it reads").isEqualTo(2);
        for (long child : contacts.get(companies.get(2))) {
            assertThat(projector.documents("shop", PARTNER).get(child).get("display_name").toString()).startsWith("Again, ");
        }
    }

    @Test
    void aDependentIsValidated() {
        assertThatThrownBy(() -> new Dependent("product.template", "product.product", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("link field");
        assertThat(Dependent.retail()).contains(new Dependent("product.template", "product.product", "product_tmpl_id"));
    }
}
