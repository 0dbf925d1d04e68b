package dev.odoobridge.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.testkit.FakeOdoo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write_date cursor against FakeOdoo (whole-second reads, hidden microsecond order): every
 * record handed over once, page boundaries inside one second, back-dated commits, deletions and
 * writes while it reads. Changes during the read are made just before a chosen read is sent.
 */
class WriteDateCursorIT {
    private static final int PAGE = 10;
    private static final String MODEL = "res.partner";
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    /** The second the tests crowd with records. */
    private static final Instant S = Instant.parse("2026-03-02T10:00:00Z");

    FakeOdoo fake;
    OdooClient odoo;
    final Map<Integer, Runnable> beforeRead = new ConcurrentHashMap<>();
    final AtomicInteger readsSent = new AtomicInteger();
    final Random random = new Random(7);

    @BeforeEach
    void start() {
        fake = FakeOdoo.builder().seed(5).build().start();
        odoo = fake.client(Transport.JSON2);
    }

    @AfterEach
    void stop() {
        odoo.close();
        fake.close();
    }

    @Test
    void aSecondOfAboutOnePageIsHandedOverOnceWhereverThePageBoundaryFalls() {
        for (int n : new int[] {PAGE - 1, PAGE, PAGE + 1, 2 * PAGE + 1, 3 * PAGE + 4}) {
            for (int before = 0; before < PAGE; before += 3) {
                Instant second = S.plusSeconds(1000L * n + 10L * before);
                for (int i = 0; i < before; i++) {
                    insertAt(second.minusSeconds(1), random.nextInt(1_000_000));
                }
                // ids grow while the microseconds are random: Odoo hands the second's ids out of order
                for (int i = 0; i < n; i++) {
                    insertAt(second, random.nextInt(1_000_000));
                }
                insertAt(second.plusSeconds(1), 5);
                insertAt(second.plusSeconds(1), 3);
                Run run = read(second.minusSeconds(1));
                run.assertEachOnce(idsFrom(second.minusSeconds(1)));
                assertThat(run.rowsRead).as("n=%d before=%d: rows read", n, before).isEqualTo(run.handed.size());
            }
        }
    }

    @Test
    void oneTransactionOfThousandsInOneSecondIsReadOnceInAboutAsManyCallsAsABareRead() {
        // a bulk import: one transaction stamps every record with the same microsecond
        for (int i = 0; i < 5 * PAGE + 3; i++) {
            insertAt(S, 250_000);
        }
        for (int s = 1; s <= 4; s++) {
            for (int i = 0; i < PAGE; i++) {
                insertAt(S.plusSeconds(s), 250_000);
            }
        }
        Run run = read(S);
        List<Long> all = idsFrom(S);
        run.assertEachOnce(all);
        assertThat(run.rowsRead).isEqualTo(all.size());
        int bare = all.size() / PAGE + 1;
        assertThat(readsSent.get()).as("reads sent for %d records in pages of %d", all.size(), PAGE).isLessThanOrEqualTo(bare + 1);
    }

    @Test
    void pagesOfExactlyOneSecondEachCostNoExtraRead() {
        for (int s = 0; s < 6; s++) {
            for (int i = 0; i < PAGE; i++) {
                insertAt(S.plusSeconds(s), random.nextInt(1_000_000));
            }
        }
        Run run = read(S);
        List<Long> all = idsFrom(S);
        run.assertEachOnce(all);
        assertThat(all.size() - 6 * PAGE).as("records after the six seconds (users' partners)").isLessThan(PAGE);
        assertThat(run.rowsRead).isEqualTo(all.size());
        assertThat(readsSent.get()).as("one read per page and one for the rest").isEqualTo(7);
    }

    @Test
    void aBackDatedCommitIntoThePartlyReadSecondIsHandedOverAndOneIntoAPassedSecondByTheNextRunFromTheOverlap() {
        for (int i = 0; i < 2 * PAGE + 5; i++) {
            insertAt(S, random.nextInt(1_000_000));
        }
        for (int i = 0; i < PAGE; i++) {
            insertAt(S.plusSeconds(2), random.nextInt(1_000_000));
        }
        List<Long> late = new ArrayList<>();
        // a transaction that started in S commits between the first and the second read
        beforeRead.put(2, () -> late.add(insertAt(S, 999_999)));
        // one that started before S commits later: the cursor has passed its second
        beforeRead.put(3, () -> late.add(insertAt(S.minusSeconds(1), 1)));
        Run run = read(S);
        assertThat(run.handed).contains(late.get(0)).doesNotContain(late.get(1));
        run.assertEachOnce(idsFrom(S));

        Run next = read(S.minusSeconds(1));
        next.assertEachOnce(idsFrom(S.minusSeconds(1)));
        assertThat(next.handed).contains(late.get(1));
    }

    @Test
    void aTransactionStampedInThePartlyReadSecondByFakeOdoosCommitLagIsHandedOver() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        for (int i = 0; i < PAGE + 4; i++) {
            insertAt(now, random.nextInt(1_000_000));
        }
        long[] late = new long[1];
        beforeRead.put(2, () -> {
            // a long transaction: its write_date is half a second into `now`, its commit is now
            fake.backdateNextCommit(Duration.between(now.plusMillis(500), Instant.now()));
            late[0] = odoo.model(MODEL).create(Map.of("name", "long transaction"));
        });
        Run run = read(now);
        assertThat(second(late[0])).isEqualTo(now);
        assertThat(run.handed).contains(late[0]);
        run.assertEachOnce(idsFrom(now));
    }

    @Test
    void recordsDeletedWhileReadingAreSkippedAndTheRestHandedOverOnce() {
        List<Long> crowd = new ArrayList<>();
        for (int i = 0; i < 2 * PAGE + 1; i++) {
            crowd.add(insertAt(S, random.nextInt(1_000_000)));
        }
        for (int s = 1; s <= 3; s++) {
            for (int i = 0; i < 4; i++) {
                crowd.add(insertAt(S.plusSeconds(s), random.nextInt(1_000_000)));
            }
        }
        Set<Long> deleted = new HashSet<>();
        beforeRead.put(2, () -> {
            List<Long> gone = List.of(crowd.get(0), crowd.get(7), crowd.get(15), crowd.get(20), crowd.get(crowd.size() - 1));
            odoo.model(MODEL).unlink(gone);
            deleted.addAll(gone);
        });
        beforeRead.put(3, () -> {
            List<Long> gone = List.of(crowd.get(3), crowd.get(22));
            odoo.model(MODEL).unlink(gone);
            deleted.addAll(gone);
        });
        Run run = read(S);
        List<Long> remaining = idsFrom(S);
        assertThat(remaining).doesNotContainAnyElementsOf(deleted);
        assertThat(run.handed).containsAll(remaining);
        assertThat(run.handed).doesNotHaveDuplicates();
        assertThat(run.rowsRead).isEqualTo(run.handed.size());
    }

    @Test
    void recordsWrittenWhileReadingComeAgainNewerAndTheOthersOnce() {
        List<Long> crowd = new ArrayList<>();
        for (int i = 0; i < 2 * PAGE + 1; i++) {
            crowd.add(insertAt(S, random.nextInt(1_000_000)));
        }
        for (int i = 0; i < 6; i++) {
            crowd.add(insertAt(S.plusSeconds(1), random.nextInt(1_000_000)));
        }
        Set<Long> written = new HashSet<>();
        beforeRead.put(2, () -> {
            List<Long> changed = List.of(crowd.get(1), crowd.get(12), crowd.get(19), crowd.get(24));
            odoo.model(MODEL).write(changed, Map.of("ref", "changed while reading"));
            written.addAll(changed);
        });
        beforeRead.put(3, () -> {
            Long created = odoo.model(MODEL).create(Map.of("name", "created while reading"));
            written.add(created);
        });
        Run run = read(S);
        List<Long> all = idsFrom(S);
        assertThat(run.handed).containsAll(all);
        Map<Long, Instant> lastSeen = new HashMap<>();
        run.rows.forEach(r -> lastSeen.put(r.id(), WriteDateCursor.secondOf(r)));
        for (long id : all) {
            assertThat(lastSeen.get(id)).as("the last copy of %d handed over is the current one", id).isEqualTo(second(id));
            if (!written.contains(id)) {
                assertThat(run.handed.stream().filter(h -> h == id)).as("record %d, unchanged, handed over once", id)
                        .hasSize(1);
            }
        }
    }

    private long insertAt(Instant second, int micros) {
        String at = LocalDateTime.ofInstant(second.plusNanos(micros * 1000L), ZoneOffset.UTC).format(MICROS);
        return fake.orm().insert(MODEL, Map.of("name", "partner at " + at, "create_date", at, "write_date", at));
    }

    private Instant second(long id) {
        return odoo.model(MODEL).read(List.of(id), List.of("write_date")).get(0).getInstant("write_date");
    }

    private List<Long> idsFrom(Instant from) {
        return odoo.model(MODEL).search(Domains.ge("write_date", from), SearchOptions.DEFAULT.includeArchived());
    }

    private Run read(Instant from) {
        readsSent.set(0);
        ModelHandle handle = hooked(odoo.model(MODEL));
        WriteDateCursor cursor = new WriteDateCursor(new OdooReads(handle, List.of("name"), Clock.systemUTC()), PAGE);
        Run run = new Run();
        cursor.run(from, run::accept);
        run.rowsRead = cursor.rowsRead();
        return run;
    }

    /** The handle with {@link #beforeRead} run just before the numbered search_read is sent. */
    private ModelHandle hooked(ModelHandle handle) {
        return (ModelHandle) Proxy.newProxyInstance(ModelHandle.class.getClassLoader(), new Class<?>[] {ModelHandle.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("searchRead") && args != null && args.length == 3) {
                        Runnable hook = beforeRead.remove(readsSent.incrementAndGet());
                        if (hook != null) {
                            hook.run();
                        }
                    }
                    try {
                        return method.invoke(handle, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** What a cursor handed over, and a check of every position it called complete. */
    static final class Run {
        final List<OdooRecord> rows = new ArrayList<>();
        final List<Long> handed = new ArrayList<>();
        long rowsRead;
        private Instant lastComplete;

        void accept(List<OdooRecord> page, Instant fetchedAt, WriteDateCursor.Position complete) {
            rows.addAll(page);
            page.forEach(r -> handed.add(r.id()));
            if (complete != null) {
                assertThat(lastComplete == null || !complete.second().isBefore(lastComplete))
                        .as("complete positions never go back").isTrue();
                lastComplete = complete.second();
            }
        }

        void assertEachOnce(List<Long> expected) {
            assertThat(handed).as("each record handed over once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
            if (!rows.isEmpty()) {
                Instant newest = rows.stream().map(WriteDateCursor::secondOf).max(Instant::compareTo).orElseThrow();
                assertThat(lastComplete).as("the end is complete").isEqualTo(newest);
            }
        }
    }
}
