package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Applying versions of records in any order, any number of times, yields the newest version of each,
 * with every guard strategy (each property runs against one read model per strategy).
 */
class GuardPropertyTest {
    private static final List<ReadModel> MODELS = new ArrayList<>();
    private static final AtomicInteger SOURCES = new AtomicInteger();

    @BeforeContainer
    static void open() {
        for (GuardStrategy s : List.of(GuardStrategy.READ_THEN_WRITE, GuardStrategy.CONDITIONAL_FILTER)) {
            MODELS.add(ReadModels.open(ReadModelConfig.builder().inMemory().guardStrategy(s).build()));
        }
    }

    @AfterContainer
    static void close() {
        MODELS.forEach(ReadModel::close);
        MODELS.clear();
    }

    /** A version: record id, write_date second offset, fetch second offset; content derives from the version. */
    private record Version(long id, int write, int fetch) {
        OdooRecord record() {
            return OdooRows.row(id, dev.odoobridge.client.value.OdooValues.formatDatetime(base().plusSeconds(write)))
                    .with("name", "p" + id + "-w" + write + "-f" + fetch).with("ref", OdooRows.FALSE).build();
        }

        Instant fetchedAt() {
            return base().plusSeconds(1000 + fetch);
        }

        static Instant base() {
            return Instant.parse("2026-01-01T00:00:00Z");
        }
    }

    @Property(tries = 20)
    void anyOrderAndReplaysConverge(@ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 11) Integer> codes,
                                    @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int pageSize) {
        List<Version> versions = new ArrayList<>();
        for (int c : codes) {
            versions.add(new Version(1 + c % 3, (c / 3) % 2 * 5, c / 6));
        }
        List<Version> shuffled = new ArrayList<>(versions);
        shuffled.addAll(versions.subList(0, versions.size() / 2));
        Collections.shuffle(shuffled, new Random(seed));

        for (ReadModel model : MODELS) {
            convergesOn(model, versions, shuffled, pageSize);
        }
    }

    private static void convergesOn(ReadModel model, List<Version> versions, List<Version> shuffled, int pageSize) {
        String inOrder = "s" + SOURCES.incrementAndGet();
        String reordered = "s" + SOURCES.incrementAndGet();
        for (Version v : versions) {
            model.projector().apply(inOrder, "res.partner", List.of(v.record()), v.fetchedAt());
        }
        // pages of records fetched at the same time, replayed in random order
        for (int i = 0; i < shuffled.size(); i += pageSize) {
            List<Version> page = shuffled.subList(i, Math.min(shuffled.size(), i + pageSize));
            for (Version v : page) {
                model.projector().apply(reordered, "res.partner", List.of(v.record()), v.fetchedAt());
            }
        }
        assertThat(snapshot(model, reordered)).isEqualTo(snapshot(model, inOrder)).isEqualTo(expected(versions));
    }

    @Property(tries = 12)
    void samePageAppliedRepeatedlyIsIdempotent(@ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = 11) Integer> codes,
                                               @ForAll @IntRange(min = 1, max = 4) int repeats) {
        for (ReadModel model : MODELS) {
            idempotentOn(model, codes, repeats);
        }
    }

    private static void idempotentOn(ReadModel model, List<Integer> codes, int repeats) {
        String source = "s" + SOURCES.incrementAndGet();
        Instant fetched = Version.base().plusSeconds(5000);
        List<OdooRecord> page = new ArrayList<>();
        List<Version> versions = new ArrayList<>();
        for (int c : codes) {
            Version v = new Version(1 + c % 3, (c / 3) * 5, 4000);
            versions.add(v);
            page.add(v.record());
        }
        for (int i = 0; i < repeats; i++) {
            ApplyResult r = model.projector().apply(source, "res.partner", page, fetched);
            assertThat(r.written() + r.skippedStale()).isEqualTo(page.size());
        }
        assertThat(snapshot(model, source)).isEqualTo(expected(versions));
    }

    private static SortedMap<Long, String> expected(List<Version> versions) {
        SortedMap<Long, Version> newest = new TreeMap<>();
        for (Version v : versions) {
            newest.merge(v.id(), v, (a, b) -> b.write() > a.write() || (b.write() == a.write() && b.fetch() > a.fetch()) ? b : a);
        }
        SortedMap<Long, String> names = new TreeMap<>();
        newest.forEach((id, v) -> names.put(id, "p" + id + "-w" + v.write() + "-f" + v.fetch()));
        return names;
    }

    private static SortedMap<Long, String> snapshot(ReadModel model, String source) {
        SortedMap<Long, String> names = new TreeMap<>();
        for (long id : model.projector().ids(source, "res.partner", 0, 100)) {
            Map<String, Object> doc = model.projector().find(source, "res.partner", id).orElseThrow();
            names.put(id, (String) doc.get("name"));
        }
        return names;
    }
}
