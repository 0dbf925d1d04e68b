package dev.odoobridge.sync.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.WebhookAnswer;
import dev.odoobridge.sync.webhook.WebhookPost;
import dev.odoobridge.sync.webhook.WebhookSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit of accepted posts against a real PostgreSQL: each test has its own database. */
class GroupCommitIT {
    static final String SOURCE = "shop1";
    static final String MODEL = "product.product";

    StateDatabase db;
    GatedDataSource pool;
    GroupCommit inbox;
    ExecutorService threads = Executors.newFixedThreadPool(40);

    @BeforeEach
    void open() {
        db = StateDatabase.connect(SharedPostgres.freshDatabaseUrl(), "postgres", null);
        pool = new GatedDataSource(db.dataSource());
        inbox = new GroupCommit(new InboxRepository(pool), 8, GroupCommit.DEFAULT_MAX_GROUP);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.release();
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        db.close();
    }

    static ParsedPost post(long recordId) {
        return new ParsedPost(MODEL, recordId, "create_or_write", "{\"_id\": " + recordId + ", \"_model\": \"" + MODEL + "\"}");
    }

    Future<Long> insertLater(ParsedPost p) {
        return threads.submit(() -> inbox.insert(SOURCE, p));
    }

    /** Starts a post whose commit is held at its connection request, then queues {@code more} behind it. */
    List<Future<Long>> queueBehindAHeldCommit(Future<Long>[] first, List<ParsedPost> more) throws Exception {
        pool.holdNext();
        first[0] = insertLater(post(1));
        pool.awaitArrival();
        List<Future<Long>> queued = new ArrayList<>();
        for (ParsedPost p : more) {
            queued.add(insertLater(p));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (inbox.queued() < more.size()) {
            assertThat(System.nanoTime()).as("posts queued").isLessThan(deadline);
            Thread.sleep(5);
        }
        return queued;
    }

    Map<Long, Long> storedRecordIdsById() throws SQLException {
        Map<Long, Long> rows = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, record_id FROM webhook_events WHERE status = 'pending'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return rows;
    }

    @Test
    void aLonePostIsCommittedAloneAtOnce() throws Exception {
        long id = inbox.insert(SOURCE, post(42));

        assertThat(storedRecordIdsById()).containsExactly(Map.entry(id, 42L));
        assertThat(inbox.transactions()).isEqualTo(1);
        assertThat(inbox.queued()).isZero();
    }

    @Test
    void postsArrivingDuringACommitShareTheNextOne() throws Exception {
        @SuppressWarnings("unchecked")
        Future<Long>[] first = new Future[1];
        List<ParsedPost> more = new ArrayList<>();
        for (long r = 2; r <= 8; r++) {
            more.add(post(r));
        }
        List<Future<Long>> queued = queueBehindAHeldCommit(first, more);
        pool.release();

        Map<Long, Long> stored = storedRecordIdsByIdAfter(first[0], queued);
        assertThat(stored).hasSize(8);
        assertThat(stored.get(first[0].get())).isEqualTo(1L);
        for (int i = 0; i < queued.size(); i++) {
            assertThat(stored.get(queued.get(i).get())).as("the row of post %d", i + 2).isEqualTo(i + 2L);
        }
        assertThat(inbox.transactions()).as("the held post's commit, then one for the seven queued").isEqualTo(2);
    }

    Map<Long, Long> storedRecordIdsByIdAfter(Future<Long> first, List<Future<Long>> queued) throws Exception {
        first.get(10, TimeUnit.SECONDS);
        for (Future<Long> f : queued) {
            f.get(10, TimeUnit.SECONDS);
        }
        return storedRecordIdsById();
    }

    @Test
    void manyConcurrentPostsAllGetDistinctCommittedIdsWithFewerCommits() throws Exception {
        inbox = new GroupCommit(new InboxRepository(pool));
        int posters = 32;
        int each = 25;
        List<Future<List<long[]>>> results = new ArrayList<>();
        for (int t = 0; t < posters; t++) {
            long base = t * 1000L;
            results.add(threads.submit(() -> {
                List<long[]> mine = new ArrayList<>();
                for (int i = 1; i <= each; i++) {
                    mine.add(new long[] {inbox.insert(SOURCE, post(base + i)), base + i});
                }
                return mine;
            }));
        }
        Map<Long, Long> answered = new HashMap<>();
        for (Future<List<long[]>> f : results) {
            for (long[] idAndRecord : f.get(60, TimeUnit.SECONDS)) {
                assertThat(answered.put(idAndRecord[0], idAndRecord[1])).as("id %d answered twice", idAndRecord[0]).isNull();
            }
        }

        assertThat(answered).hasSize(posters * each);
        assertThat(storedRecordIdsById()).isEqualTo(answered);
        assertThat(inbox.transactions()).isLessThan(posters * each).isPositive();
    }

    @Test
    void aRowThatCannotBeStoredIsRefusedAloneAndTheOthersAreCommitted() throws Exception {
        @SuppressWarnings("unchecked")
        Future<Long>[] first = new Future[1];
        List<ParsedPost> more = new ArrayList<>();
        for (long r = 2; r <= 6; r++) {
            more.add(r == 4 ? new ParsedPost(MODEL, r, "create_or_write", "{\"_id\": 4, \"x\": Infinity}") : post(r));
        }
        List<Future<Long>> queued = queueBehindAHeldCommit(first, more);
        pool.release();

        Set<Long> ids = new HashSet<>();
        ids.add(first[0].get(10, TimeUnit.SECONDS));
        for (int i = 0; i < queued.size(); i++) {
            if (i == 2) {
                Throwable refused = catchCause(queued.get(i));
                assertThat(refused).isInstanceOf(SQLException.class);
                assertThat(GroupCommit.dataError((SQLException) refused)).isTrue();
                assertThat(GroupCommit.dataErrorMessage((SQLException) refused)).contains("invalid input syntax for type json")
                        .doesNotContain("INSERT");
            } else {
                ids.add(queued.get(i).get(10, TimeUnit.SECONDS));
            }
        }
        assertThat(storedRecordIdsById()).containsOnlyKeys(ids).doesNotContainValue(4L).hasSize(5);
    }

    @Test
    void anUnavailableDatabaseFailsEveryWaitingPostAndStoresNothing() throws Exception {
        @SuppressWarnings("unchecked")
        Future<Long>[] first = new Future[1];
        List<Future<Long>> queued = queueBehindAHeldCommit(first, List.of(post(2), post(3), post(4), post(5)));
        pool.down(true);
        pool.release();

        for (Future<Long> f : concat(first[0], queued)) {
            Throwable failed = catchCause(f);
            assertThat(failed).isInstanceOf(SQLException.class);
            assertThat(GroupCommit.dataError((SQLException) failed)).isFalse();
        }
        pool.down(false);
        assertThat(storedRecordIdsById()).isEmpty();
        long after = inbox.insert(SOURCE, post(9));
        assertThat(storedRecordIdsById()).containsExactly(Map.entry(after, 9L));
    }

    @Test
    void anErrorInTheCommitterLeavesNoWaiterWithAnIdOfARowNeverWritten() throws Exception {
        @SuppressWarnings("unchecked")
        Future<Long>[] first = new Future[1];
        List<Future<Long>> queued = queueBehindAHeldCommit(first, List.of(post(2), post(3)));
        pool.failNextWith(new LinkageError("test: the committer's thread fails"));
        pool.release();

        long firstId = first[0].get(10, TimeUnit.SECONDS);
        // the group of posts 2 and 3: its committer's own thread gets the error, the other post a failure, no id
        List<Class<?>> failures = new ArrayList<>();
        for (Future<Long> f : queued) {
            failures.add(catchCause(f).getClass());
        }
        assertThat(failures).containsExactlyInAnyOrder(LinkageError.class, IllegalStateException.class);
        assertThat(storedRecordIdsById()).containsExactly(Map.entry(firstId, 1L));
    }

    @Test
    void theIntakeAnswers202WhileTheDatabaseIsUpAnd503ToEveryPostWhileItIsDown() throws Exception {
        PostIntake intake = new PostIntake(List.of(WebhookSource.of(SOURCE, "tok-0123456789abcdef")), Set.of(MODEL),
                new InboxRepository(pool), 4096, Duration.ofMinutes(5), Clock.systemUTC());
        WebhookAnswer good = receive(intake, "{\"_id\": 8, \"_model\": \"" + MODEL + "\"}");
        assertThat(good.status()).isEqualTo(202);
        assertThat(storedRecordIdsById()).containsOnlyKeys(idOf(good));

        pool.down(true);
        List<Future<WebhookAnswer>> down = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            down.add(threads.submit(() -> receive(intake, "{\"_id\": 9, \"_model\": \"" + MODEL + "\"}")));
        }
        for (Future<WebhookAnswer> f : down) {
            WebhookAnswer a = f.get(10, TimeUnit.SECONDS);
            assertThat(a.status()).isEqualTo(503);
            assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains("retry later");
        }
        pool.down(false);
        assertThat(storedRecordIdsById()).containsOnlyKeys(idOf(good));
    }

    @Test
    void postsBeyondTheQueuesCapacityAreRefusedAsBusy() throws Exception {
        inbox = new GroupCommit(new InboxRepository(pool), 2, GroupCommit.DEFAULT_MAX_GROUP);
        @SuppressWarnings("unchecked")
        Future<Long>[] first = new Future[1];
        List<Future<Long>> queued = queueBehindAHeldCommit(first, List.of(post(2), post(3)));

        Throwable busy = catchCause(threads.submit((Callable<Long>) () -> inbox.insert(SOURCE, post(4))));
        assertThat(busy).isInstanceOf(GroupCommit.Busy.class);
        pool.release();
        assertThat(storedRecordIdsByIdAfter(first[0], queued)).hasSize(3).doesNotContainValue(4L);
    }

    static WebhookAnswer receive(PostIntake intake, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return intake.receive(new WebhookPost(SOURCE, "tok-0123456789abcdef", "POST", h -> null,
                OptionalLong.of(bytes.length), false, limit -> bytes));
    }

    static long idOf(WebhookAnswer accepted) {
        String body = new String(accepted.body(), StandardCharsets.UTF_8);
        return Long.parseLong(body.replaceAll(".*\"event\":(\\d+).*", "$1"));
    }

    static Throwable catchCause(Future<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    static List<Future<Long>> concat(Future<Long> first, List<Future<Long>> rest) {
        List<Future<Long>> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
