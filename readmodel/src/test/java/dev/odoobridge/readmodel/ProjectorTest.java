package dev.odoobridge.readmodel;

import static dev.odoobridge.readmodel.OdooRows.FALSE;
import static dev.odoobridge.readmodel.OdooRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs with the embedded server's default guard strategy (read then write); subclasses choose another. */
class ProjectorTest {
    private static final Instant F1 = Instant.parse("2026-11-21T19:20:00Z");
    private static final Instant F2 = Instant.parse("2026-11-21T19:30:00Z");

    private final ReadModel model = ReadModels.open(ReadModelConfig.builder().inMemory().guardStrategy(strategy())
            .extraFields("product.product", List.of("x_threshold")).build());
    private final Projector projector = model.projector();

    GuardStrategy strategy() {
        return GuardStrategy.AUTO;
    }

    @Test
    void embeddedServerReadsThenWritesByDefault() {
        ReadModelConfig config = ReadModelConfig.builder().inMemory().build();
        assertThat(config.effectiveGuardStrategy()).isEqualTo(GuardStrategy.READ_THEN_WRITE);
        assertThat(ReadModelConfig.builder().connectionString("mongodb://db.example:27017").build().effectiveGuardStrategy())
                .isEqualTo(GuardStrategy.CONDITIONAL_FILTER);
        assertThat(config.toBuilder().guardStrategy(GuardStrategy.CONDITIONAL_FILTER).build().effectiveGuardStrategy())
                .isEqualTo(GuardStrategy.CONDITIONAL_FILTER);
    }

    @AfterEach
    void close() {
        model.close();
    }

    private static dev.odoobridge.client.OdooRecord partner(long id, String writeDate, String name) {
        return row(id, writeDate).with("name", name).with("email", FALSE).with("is_company", FALSE)
                .with("parent_id", List.of(3, "Acme")).with("child_ids", List.of(7, 8)).with("active", true)
                .with("create_date", "2026-01-02 03:04:05").build();
    }

    @Test
    void storesOdooValuesByType() {
        projector.apply("shop", "res.partner", List.of(partner(5, "2026-11-21 19:14:19", "Bob")), F1);
        Map<String, Object> doc = projector.find("shop", "res.partner", 5).orElseThrow();
        assertThat(doc).containsEntry("name", "Bob").containsEntry("email", null).containsEntry("is_company", false)
                .containsEntry("parent_id", Map.of("id", 3L, "name", "Acme")).containsEntry("child_ids", List.of(7L, 8L))
                .containsEntry("create_date", Instant.parse("2026-01-02T03:04:05Z"))
                .containsEntry("_source", "shop").containsEntry("_odoo_id", 5L)
                .containsEntry("_write_date", Instant.parse("2026-11-21T19:14:19Z")).containsEntry("_fetched_at", F1);
        assertThat(doc).containsKey("_synced_at");
    }

    @Test
    void inferredTypesForUnknownFields() {
        projector.apply("shop", "product.product", List.of(row(1).with("x_threshold", 4.0).with("x_since", "2026-01-01 00:00:00")
                .with("x_day", "2026-01-01").with("x_flag", FALSE).build()), F1);
        Map<String, Object> doc = projector.find("shop", "product.product", 1).orElseThrow();
        assertThat(doc).containsEntry("x_threshold", 4.0).containsEntry("x_since", Instant.parse("2026-01-01T00:00:00Z"))
                .containsEntry("x_day", "2026-01-01").containsEntry("x_flag", null);
    }

    @Test
    void guardSkipsStaleAndAcceptsEqualAndNewer() {
        ApplyResult first = projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:19", "v2")), F2);
        assertThat(first).isEqualTo(new ApplyResult(1, 0, 0));

        ApplyResult older = projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:18", "v1")), F2);
        assertThat(older).isEqualTo(new ApplyResult(0, 1, 0));
        ApplyResult sameWriteEarlierFetch = projector.apply("shop", "res.partner",
                List.of(partner(1, "2026-11-21 19:14:19", "old read")), F1);
        assertThat(sameWriteEarlierFetch.skippedStale()).isEqualTo(1);
        assertThat(projector.find("shop", "res.partner", 1).orElseThrow()).containsEntry("name", "v2");

        ApplyResult equal = projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:19", "v2")), F2);
        assertThat(equal).isEqualTo(new ApplyResult(1, 0, 1));

        ApplyResult newer = projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:15:00", "v3")), F1);
        assertThat(newer).isEqualTo(new ApplyResult(1, 0, 0));
        assertThat(projector.find("shop", "res.partner", 1).orElseThrow()).containsEntry("name", "v3");
    }

    @Test
    void mixedPageCountsEachOutcome() {
        projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:19", "a"),
                partner(2, "2026-11-21 19:14:19", "b")), F1);
        ApplyResult r = projector.apply("shop", "res.partner", List.of(partner(1, "2026-11-21 19:14:10", "stale"),
                partner(2, "2026-11-21 19:14:19", "b"), partner(3, "2026-11-21 19:14:19", "c"),
                partner(3, "2026-11-21 19:14:01", "c older in same page")), F1);
        assertThat(r).isEqualTo(new ApplyResult(2, 2, 1));
        assertThat(projector.find("shop", "res.partner", 3).orElseThrow()).containsEntry("name", "c");
    }

    @Test
    void maxIdIsAnUpperBoundKeptWithoutSortingTheCollection() {
        projector.apply("m", "res.partner", List.of(partner(5, OdooRows.T0, "x"), partner(7, OdooRows.T0, "y")), F1);
        assertThat(projector.maxId("m", "res.partner")).isEqualTo(7);
        projector.apply("m", "res.partner", List.of(partner(3, OdooRows.T0, "lower")), F1);
        assertThat(projector.maxId("m", "res.partner")).isEqualTo(7);
        projector.delete("m", "res.partner", List.of(7L));
        assertThat(projector.maxId("m", "res.partner")).as("an upper bound: deletions do not lower it").isEqualTo(7);
        projector.deleteAll("m", "res.partner");
        assertThat(projector.maxId("m", "res.partner")).isZero();
        projector.apply("m", "res.partner", List.of(partner(2, OdooRows.T0, "again")), F1);
        assertThat(projector.maxId("m", "res.partner")).isEqualTo(2);
    }

    @Test
    void deletesCountsIdsAndSourcesAreSeparate() {
        projector.apply("a", "res.partner", List.of(partner(1, OdooRows.T0, "x"), partner(2, OdooRows.T0, "y"),
                partner(10, OdooRows.T0, "z")), F1);
        projector.apply("b", "res.partner", List.of(partner(1, OdooRows.T0, "other shop")), F1);
        assertThat(projector.count("a", "res.partner", 1, 9)).isEqualTo(2);
        assertThat(projector.ids("a", "res.partner", 0, 100)).containsExactly(1L, 2L, 10L);
        assertThat(projector.maxId("a", "res.partner")).isEqualTo(10);
        assertThat(projector.maxId("b", "res.partner")).isEqualTo(1);
        assertThat(projector.maxId("c", "res.partner")).isZero();

        assertThat(projector.delete("a", "res.partner", List.of(2L, 99L))).isEqualTo(1);
        assertThat(projector.ids("a", "res.partner", 0, 100)).containsExactly(1L, 10L);
        assertThat(projector.find("b", "res.partner", 1)).isPresent();
        assertThat(projector.deleteAll("a", "res.partner")).isEqualTo(2);
        assertThat(projector.count("a", "res.partner", 0, Long.MAX_VALUE)).isZero();
        assertThat(projector.count("b", "res.partner", 0, Long.MAX_VALUE)).isEqualTo(1);
    }

    @Test
    void rejectsRecordsWithoutVersionAndUnknownModels() {
        assertThatThrownBy(() -> projector.apply("shop", "res.partner",
                List.of(dev.odoobridge.client.OdooRecord.of(Map.of("id", 1, "name", "x"))), F1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write_date");
        assertThatThrownBy(() -> projector.apply("shop", "x.unknown", List.of(partner(1, OdooRows.T0, "x")), F1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no projection for model 'x.unknown'");
    }
}
