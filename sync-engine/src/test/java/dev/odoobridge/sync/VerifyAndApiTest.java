package dev.odoobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.readmodel.ApplyResult;
import dev.odoobridge.readmodel.Projection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VerifyAndApiTest {
    @RegisterExtension
    final Fixtures fixtures = new Fixtures();

    @Test
    void verifyReportsEachKindOfDrift() {
        Fixture f = fixtures.open();
        long a = f.product("a", 1);
        long b = f.product("b", 2);
        long c = f.product("c", 3);
        f.quant(a, 5.0);
        long q2 = f.quant(a, 2.0);
        SyncEngine engine = f.engine("a", 10).build();
        engine.run(SyncRequest.full());
        assertThat(engine.verify(Fixture.SOURCE, Fixture.PRODUCT, VerifyOptions.everything()).isClean()).isTrue();

        f.unlink(Fixture.PRODUCT, b);                                     // extra in Mongo
        long d = f.product("d", 4);                                       // missing in Mongo
        f.projector.tamper(Fixture.SOURCE, Fixture.PRODUCT, c, "list_price", 99.0); // field mismatch
        f.unlink(Fixture.QUANT, q2);                                      // stock view now says 7, Odoo 5

        DriftReport report = engine.verify(Fixture.SOURCE, Fixture.PRODUCT, VerifyOptions.everything());
        assertThat(report.of(Drift.Kind.EXTRA_IN_MONGO)).extracting(Drift::odooId).containsExactly(b);
        assertThat(report.of(Drift.Kind.MISSING_IN_MONGO)).extracting(Drift::odooId).containsExactly(d);
        assertThat(report.of(Drift.Kind.FIELD_MISMATCH)).singleElement().satisfies(x -> {
            assertThat(x.odooId()).isEqualTo(c);
            assertThat(x.field()).isEqualTo("list_price");
            assertThat(x.toString()).contains("odoo=3").contains("mongo=99");
        });
        assertThat(report.of(Drift.Kind.STOCK_MISMATCH)).singleElement().satisfies(x -> {
            assertThat(x.odooId()).isEqualTo(a);
            assertThat(x.odooValue()).isEqualTo(5.0);
            assertThat(x.mongoValue()).isEqualTo(7.0);
        });
        assertThat(report.of(Drift.Kind.COUNT)).isEmpty(); // one extra, one missing: same count
        assertThat(report.stockChecked()).isTrue();

        f.projector.exposeStock(false);
        assertThat(engine.verify(Fixture.SOURCE, Fixture.PRODUCT, new VerifyOptions(1, 3, true)).stockChecked()).isFalse();

        f.clock.advance(Duration.ofSeconds(1));
        engine.run(SyncRequest.incremental().withReconcile(true));
        f.projector.tamper(Fixture.SOURCE, Fixture.PRODUCT, c, "list_price", 3.0);
        f.projector.exposeStock(true);
        assertThat(engine.verify(Fixture.SOURCE, Fixture.PRODUCT, VerifyOptions.everything()).drifts()).isEmpty();
        f.unlinkProduct(a);
        assertThat(engine.verify(Fixture.SOURCE, Fixture.PRODUCT, VerifyOptions.defaults()).of(Drift.Kind.COUNT)).hasSize(1);
    }

    @Test
    void severalSourcesAreKeptApartAndResetForgetsOne() {
        Fixture f = fixtures.open();
        Fixture other = fixtures.open(f.clock);
        f.product("x", 1);
        other.create(other.product("y", 2, 0));
        other.create(other.product("z", 3, 0));
        List<String> events = new ArrayList<>();
        SyncListener listener = new SyncListener() {
            @Override
            public void pageApplied(String source, String model, int records, ApplyResult result) {
                events.add(source + ":" + model + ":" + records);
                throw new IllegalStateException("a broken listener must not break the sync");
            }
        };
        SyncEngine engine = f.engine("a", 10).source("north", other.client).listener(listener).parallelism(2).build();
        SyncReport report = engine.run(SyncRequest.incremental().withModels(Fixture.PRODUCT));
        assertThat(report.outcome()).isEqualTo(Outcome.OK);
        assertThat(report.models()).extracting(ModelReport::source).containsExactly(Fixture.SOURCE, "north");
        assertThat(events).containsExactlyInAnyOrder("shop:product.product:1", "north:product.product:2");
        assertThat(f.projector.documents("north", Fixture.PRODUCT)).hasSize(2);
        assertThat(f.projector.documents(Fixture.SOURCE, Fixture.PRODUCT)).hasSize(1);

        assertThat(engine.reset("north", Fixture.PRODUCT)).isEqualTo(2);
        assertThat(f.store.checkpoint("north", Fixture.PRODUCT)).isEmpty();
        assertThat(f.store.checkpoint(Fixture.SOURCE, Fixture.PRODUCT)).isPresent();
        engine.run(SyncRequest.incremental().withSources("north"));
        assertThat(f.projector.documents("north", Fixture.PRODUCT)).hasSize(2);
        assertThat(f.store.recentRuns(10)).extracting(r -> r.source() + ":" + r.kind() + ":" + r.outcome())
                .contains("north:incremental:ok", "shop:incremental:ok");

        assertThatThrownBy(() -> engine.run(SyncRequest.incremental().withSources("south")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown source 'south'");
        assertThatThrownBy(() -> engine.verify(Fixture.SOURCE, "sale.order", VerifyOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no projection for model 'sale.order'");
        f.store.tryAcquireLease("north", Fixture.PRODUCT, "someone-else", Duration.ofMinutes(1));
        assertThatThrownBy(() -> engine.reset("north", Fixture.PRODUCT)).hasMessageContaining("another owner holds its lease");
    }

    @Test
    void builderValidates() {
        Fixture f = fixtures.open();
        assertThatThrownBy(() -> SyncEngine.builder().build()).hasMessageContaining("at least one source");
        assertThatThrownBy(() -> f.engine("a", 0).build()).hasMessageContaining("pageSize must be >= 1");
        assertThatThrownBy(() -> f.engine("a", 1).projections(List.of(new Projection(Fixture.PRODUCT, "again", List.of()))).build())
                .hasMessageContaining("only one projection");
    }
}
