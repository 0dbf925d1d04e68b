package dev.odoobridge.sync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.state.StateDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test has its own database, so the processor sees only its own events. */
class WebhookProcessorIT {
    static final String SOURCE = "shop1";
    static final String TOKEN = "TOKEN123-0123456789";
    static final List<Projection> PROJECTIONS = List.of(
            new Projection("product.product", "products", List.of("name", "default_code", "list_price", "active")),
            new Projection("stock.quant", "quants", List.of("product_id", "location_id", "quantity")));

    StateDatabase db;
    WebhookIntake intake;
    WebhookInbox inbox;
    FakeFetcher odoo = new FakeFetcher(SOURCE);
    MemoryProjector readModel = new MemoryProjector();

    @BeforeEach
    void open() {
        db = StateDatabase.connect(SharedPostgres.freshDatabaseUrl(), "postgres", null);
        intake = WebhookIntake.builder(db).source(WebhookSource.of(SOURCE, TOKEN))
                .models(List.of("product.product", "product.template", "stock.quant", "res.partner")).build();
        inbox = WebhookInbox.of(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    WebhookProcessor.Builder processor() {
        return WebhookProcessor.builder(db, odoo, readModel).projections(PROJECTIONS)
                .backoff(Duration.ZERO, Duration.ZERO);
    }

    void post(String body) {
        assertThat(Posts.receive(intake, SOURCE, TOKEN, body).status()).isEqualTo(202);
    }

    List<WebhookEvent> events(EventStatus status) {
        return inbox.list(EventFilter.all().statuses(status), 1000);
    }

    @Test
    void capturedOdooPostsAreCoalescedIntoOneReadPerModel() {
        odoo.put("product.product", 5060, Map.of("name", "Webhook Probe", "list_price", 11.0, "active", false,
                "write_date", "2026-11-21 19:35:14"));
        odoo.put("stock.quant", 47, Map.of("quantity", 123.0, "write_date", "2026-11-21 19:35:15"));
        odoo.put("stock.quant", 48, Map.of("quantity", -123.0, "write_date", "2026-11-21 19:35:15"));
        List<String> captured = Posts.captured();
        // the 8 identical posts of one create, then the price write and the archive
        captured.subList(0, 10).forEach(this::post);
        captured.subList(11, captured.size()).forEach(this::post);

        int claimed = processor().build().processOnce();

        assertThat(claimed).isEqualTo(31);
        assertThat(odoo.reads).hasSize(2);
        assertThat(odoo.reads).filteredOn(r -> r.model().equals("product.product"))
                .singleElement().satisfies(r -> {
                    assertThat(r.ids()).containsExactly(5060L);
                    assertThat(r.fields()).startsWith("id", "write_date").contains("name", "list_price", "active");
                });
        assertThat(odoo.reads).filteredOn(r -> r.model().equals("stock.quant"))
                .singleElement().satisfies(r -> assertThat(r.ids()).containsExactly(47L, 48L));
        assertThat(readModel.find(SOURCE, "product.product", 5060)).get()
                .satisfies(doc -> assertThat(doc).containsEntry("list_price", 11.0).containsEntry("active", false));
        assertThat(readModel.find(SOURCE, "stock.quant", 47)).get()
                .satisfies(doc -> assertThat(doc).containsEntry("quantity", 123.0));
        assertThat(events(EventStatus.DONE)).hasSize(31);
    }

    @Test
    void aTemplatePostRefreshesItsVariantsArchivedIncluded() {
        List<Projection> withTemplates = new java.util.ArrayList<>(PROJECTIONS);
        withTemplates.add(new Projection("product.template", "templates", List.of("name", "list_price")));
        odoo.put("product.template", 3, Map.of("name", "Green tea", "list_price", 3.5, "write_date", "2026-11-21 19:40:00"));
        odoo.put("product.product", 31, Map.of("name", "Green tea", "list_price", 3.5, "active", true,
                "product_tmpl_id", List.of(3, "Green tea"), "write_date", "2026-11-21 10:00:00"));
        odoo.put("product.product", 32, Map.of("name", "Green tea", "list_price", 3.5, "active", false,
                "product_tmpl_id", List.of(3, "Green tea"), "write_date", "2026-11-21 10:00:00"));
        odoo.put("product.product", 40, Map.of("name", "Coffee", "product_tmpl_id", List.of(4, "Coffee"),
                "write_date", "2026-11-21 10:00:00"));
        post("{\"_action\": \"x(#1)\", \"_id\": 3, \"_model\": \"product.template\", \"name\": \"Green tea\"}");

        processor().projections(withTemplates).build().processOnce();

        assertThat(odoo.reads).singleElement().satisfies(r -> assertThat(r.model()).isEqualTo("product.template"));
        assertThat(odoo.linkReads).containsExactly(new FakeFetcher.LinkRead("product.product", "product_tmpl_id", List.of(3L)));
        assertThat(readModel.find(SOURCE, "product.product", 31)).get()
                .satisfies(doc -> assertThat(doc).containsEntry("name", "Green tea").containsEntry("list_price", 3.5));
        assertThat(readModel.find(SOURCE, "product.product", 32)).get()
                .satisfies(doc -> assertThat(doc).containsEntry("active", false));
        assertThat(readModel.find(SOURCE, "product.product", 40)).isEmpty();
        assertThat(events(EventStatus.DONE)).hasSize(1);
    }

    @Test
    void withoutDependentsATemplatePostReadsOnlyTheTemplate() {
        List<Projection> withTemplates = new java.util.ArrayList<>(PROJECTIONS);
        withTemplates.add(new Projection("product.template", "templates", List.of("name")));
        odoo.put("product.template", 3, Map.of("name", "Tea", "write_date", "2026-11-21 19:40:00"));
        odoo.put("product.product", 31, Map.of("name", "Tea", "product_tmpl_id", List.of(3, "Tea"),
                "write_date", "2026-11-21 10:00:00"));
        post("{\"_action\": \"x(#1)\", \"_id\": 3, \"_model\": \"product.template\", \"name\": \"Tea\"}");

        processor().projections(withTemplates).dependents(List.of()).build().processOnce();

        assertThat(odoo.linkReads).isEmpty();
        assertThat(readModel.find(SOURCE, "product.product", 31)).isEmpty();
        assertThat(readModel.find(SOURCE, "product.template", 3)).isPresent();
    }

    @Test
    void rolledBackOrDeletedRecordIsDeletedFromTheReadModel() {
        odoo.put("product.product", 7, Map.of("name", "old", "write_date", "2026-11-21 10:00:00"));
        post("{\"_action\": \"x(#1)\", \"_id\": 7, \"_model\": \"product.product\", \"name\": \"old\"}");
        processor().build().processOnce();
        assertThat(readModel.find(SOURCE, "product.product", 7)).isPresent();

        // Odoo posted a create that was then rolled back: re-reading finds nothing
        odoo.remove("product.product", 7);
        post("{\"_action\": \"x(#1)\", \"_id\": 7, \"_model\": \"product.product\", \"name\": \"never committed\"}");
        processor().build().processOnce();

        assertThat(readModel.find(SOURCE, "product.product", 7)).isEmpty();
        assertThat(events(EventStatus.DONE)).hasSize(2);
    }

    @Test
    void failingReadsAreRetriedThenMarkedFailedWithTheReason() {
        odoo.failuresLeft.set(Integer.MAX_VALUE);
        post("{\"_id\": 9, \"_model\": \"product.product\"}");
        WebhookProcessor p = processor().maxAttempts(3).build();
        for (int i = 0; i < 3; i++) {
            assertThat(p.processOnce()).isEqualTo(1);
            assertThat(inbox.list(EventFilter.all(), 10).get(0).attempts()).isEqualTo(i + 1);
        }
        assertThat(p.processOnce()).isZero();
        WebhookEvent failed = events(EventStatus.FAILED).get(0);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("IllegalStateException").contains("502 Bad Gateway");
        assertThat(failed.processedAt()).isNotNull();
        assertThat(odoo.reads).hasSize(3);
    }

    @Test
    void retryWaitsForTheBackoff() {
        odoo.failuresLeft.set(1);
        odoo.put("product.product", 9, Map.of("name", "n", "write_date", "2026-11-21 10:00:00"));
        post("{\"_id\": 9, \"_model\": \"product.product\"}");
        WebhookProcessor p = processor().backoff(Duration.ofHours(1), Duration.ofHours(2)).build();
        assertThat(p.processOnce()).isEqualTo(1);
        WebhookEvent pending = events(EventStatus.PENDING).get(0);
        assertThat(pending.lastError()).contains("502");
        assertThat(pending.nextAttemptAt()).isAfter(pending.receivedAt().plus(Duration.ofMinutes(59)));
        assertThat(p.processOnce()).as("not due yet").isZero();

        ReplayPlan plan = inbox.replay(EventFilter.all().statuses(EventStatus.PENDING), false);
        assertThat(plan.size()).isEqualTo(1);
        assertThat(p.processOnce()).isEqualTo(1);
        assertThat(readModel.find(SOURCE, "product.product", 9)).isPresent();
    }

    @Test
    void eventsOfUnprojectedModelsAreIgnored() {
        post("{\"_id\": 3, \"_model\": \"res.partner\"}");
        processor().build().processOnce();
        WebhookEvent e = events(EventStatus.IGNORED).get(0);
        assertThat(e.lastError()).contains("res.partner").contains("not synced");
        assertThat(odoo.reads).isEmpty();
    }

    @Test
    void eventOfADeadProcessorIsTakenOverAfterItsClaimExpires() throws Exception {
        odoo.put("product.product", 11, Map.of("name", "n", "write_date", "2026-11-21 10:00:00"));
        post("{\"_id\": 11, \"_model\": \"product.product\"}");
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordFetcher hanging = (s, m, ids, f) -> {
            stuck.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the process was killed");
        };
        WebhookProcessor dying = WebhookProcessor.builder(db, hanging, readModel).projections(PROJECTIONS)
                .claimTimeout(Duration.ofMillis(300)).build();
        Thread t = new Thread(dying::processOnce);
        t.start();
        assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events(EventStatus.PROCESSING)).hasSize(1);

        WebhookProcessor second = processor().claimTimeout(Duration.ofMinutes(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (second.processOnce() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(readModel.find(SOURCE, "product.product", 11)).isPresent();
        assertThat(events(EventStatus.DONE)).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(2));

        release.countDown(); // the first processor's late failure must not undo the outcome
        t.join(10_000);
        assertThat(events(EventStatus.DONE)).hasSize(1);
    }

    @Test
    void backgroundProcessorSurvivesARestart() throws Exception {
        odoo.put("product.product", 21, Map.of("name", "a", "write_date", "2026-11-21 10:00:00"));
        odoo.put("product.product", 22, Map.of("name", "b", "write_date", "2026-11-21 10:00:00"));
        post("{\"_id\": 21, \"_model\": \"product.product\"}"); // stored while no processor runs
        CountDownLatch applied = new CountDownLatch(2);
        readModel.onApplied = id -> applied.countDown();
        try (WebhookProcessor p = processor().pollInterval(Duration.ofMillis(200)).build().start()) {
            post("{\"_id\": 22, \"_model\": \"product.product\"}");
            assertThat(applied.await(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(events(EventStatus.DONE)).hasSize(2);
    }

    @Test
    void anEventPostedWhileThePreviousPassRefreshesDependentsIsAppliedWithoutWaitingForThatRefresh() throws Exception {
        List<Projection> withTemplates = new java.util.ArrayList<>(PROJECTIONS);
        withTemplates.add(new Projection("product.template", "templates", List.of("name")));
        odoo.put("product.template", 3, Map.of("name", "Tea", "write_date", "2026-11-21 19:40:00"));
        odoo.put("product.product", 31, Map.of("name", "Tea", "product_tmpl_id", List.of(3, "Tea"),
                "write_date", "2026-11-21 10:00:00"));
        odoo.put("product.product", 9, Map.of("name", "Coffee", "write_date", "2026-11-21 10:00:00"));
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordFetcher slowChildren = new RecordFetcher() {
            @Override
            public List<dev.odoobridge.client.OdooRecord> read(String source, String model, java.util.Collection<Long> ids,
                                                               List<String> fields) {
                return odoo.read(source, model, ids, fields);
            }

            @Override
            public List<dev.odoobridge.client.OdooRecord> readByLink(String source, String model, String linkField,
                                                                     java.util.Collection<Long> parentIds, List<String> fields) {
                refreshing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return odoo.readByLink(source, model, linkField, parentIds, fields);
            }
        };
        CountDownLatch coffee = new CountDownLatch(1);
        readModel.onApplied = id -> {
            if (id == 9) {
                coffee.countDown();
            }
        };
        try (WebhookProcessor p = WebhookProcessor.builder(db, slowChildren, readModel).projections(withTemplates)
                .pollInterval(Duration.ofMillis(200)).build().start()) {
            try {
                post("{\"_id\": 3, \"_model\": \"product.template\"}");
                assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
                post("{\"_id\": 9, \"_model\": \"product.product\"}");

                assertThat(coffee.await(10, TimeUnit.SECONDS))
                        .as("applied while the previous pass still re-reads the template's variants").isTrue();
                assertThat(events(EventStatus.PROCESSING)).as("not done before its variants are refreshed")
                        .anySatisfy(e -> assertThat(e.model()).isEqualTo("product.template"));
                assertThat(events(EventStatus.DONE)).isEmpty();
            } finally {
                release.countDown();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events(EventStatus.DONE).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(events(EventStatus.DONE)).hasSize(2);
        assertThat(readModel.find(SOURCE, "product.product", 31)).isPresent();
    }

    @Test
    void aFailingModelDoesNotHoldBackTheOtherModelsOfThePass() {
        odoo.put("product.product", 9, Map.of("name", "n", "write_date", "2026-11-21 10:00:00"));
        odoo.put("stock.quant", 47, Map.of("quantity", 5.0, "write_date", "2026-11-21 10:00:00"));
        RecordFetcher productsDown = (source, model, ids, fields) -> {
            if (model.equals("product.product")) {
                throw new IllegalStateException("Odoo answered 502 Bad Gateway");
            }
            return odoo.read(source, model, ids, fields);
        };
        post("{\"_id\": 9, \"_model\": \"product.product\"}");
        post("{\"_id\": 47, \"_model\": \"stock.quant\"}");
        post("{\"_id\": 9, \"_model\": \"product.product\"}");

        int claimed = WebhookProcessor.builder(db, productsDown, readModel).projections(PROJECTIONS)
                .backoff(Duration.ofHours(1), Duration.ofHours(1)).build().processOnce();

        assertThat(claimed).isEqualTo(3);
        assertThat(readModel.find(SOURCE, "stock.quant", 47)).isPresent();
        assertThat(events(EventStatus.DONE)).singleElement().satisfies(e -> assertThat(e.recordId()).isEqualTo(47));
        assertThat(events(EventStatus.PENDING)).hasSize(2)
                .allSatisfy(e -> assertThat(e.lastError()).contains("502"));
    }

    @Test
    void replaySelectsByIdModelStatusAndTimeWithADryRun() {
        odoo.failuresLeft.set(Integer.MAX_VALUE);
        post("{\"_id\": 1, \"_model\": \"product.product\"}");
        post("{\"_id\": 2, \"_model\": \"stock.quant\"}");
        post("{\"_id\": 3, \"_model\": \"res.partner\"}");
        processor().maxAttempts(1).build().processOnce();
        List<WebhookEvent> all = inbox.list(EventFilter.all(), 10);
        assertThat(all).extracting(WebhookEvent::status)
                .containsExactly(EventStatus.FAILED, EventStatus.FAILED, EventStatus.IGNORED);

        ReplayPlan dry = inbox.replay(EventFilter.all().statuses(EventStatus.FAILED), true);
        assertThat(dry.applied()).isFalse();
        assertThat(dry.events()).extracting(WebhookEvent::recordId).containsExactly(1L, 2L);
        assertThat(inbox.list(EventFilter.all().statuses(EventStatus.FAILED), 10)).hasSize(2);

        assertThat(inbox.replay(EventFilter.all().model("stock.quant").statuses(EventStatus.FAILED), true).events())
                .extracting(WebhookEvent::recordId).containsExactly(2L);
        assertThat(inbox.replay(EventFilter.all().ids(all.get(2).id()), true).events())
                .extracting(WebhookEvent::recordId).containsExactly(3L);
        assertThat(inbox.replay(EventFilter.all().received(all.get(0).receivedAt(), all.get(1).receivedAt()), true)
                .events()).extracting(WebhookEvent::recordId).containsExactly(1L);
        assertThat(inbox.replay(EventFilter.all().source("other"), true).events()).isEmpty();

        ReplayPlan done = inbox.replay(EventFilter.all().statuses(EventStatus.FAILED), false);
        assertThat(done.applied()).isTrue();
        assertThat(done.events()).extracting(WebhookEvent::status).containsOnly(EventStatus.FAILED);
        assertThat(inbox.list(EventFilter.all().statuses(EventStatus.PENDING), 10))
                .allSatisfy(e -> {
                    assertThat(e.attempts()).isZero();
                    assertThat(e.lastError()).isNull();
                }).hasSize(2);

        odoo.failuresLeft.set(0);
        odoo.put("product.product", 1, Map.of("name", "x", "write_date", "2026-11-21 10:00:00"));
        assertThat(processor().build().processOnce()).isEqualTo(2);
        assertThat(readModel.find(SOURCE, "product.product", 1)).isPresent();
    }

    /** Counts what the processor reports about commits it waits for. */
    static final class CommitCounts implements dev.odoobridge.sync.SyncListener {
        final java.util.concurrent.atomic.AtomicInteger awaiting = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger deferred = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void webhookAwaitingCommit(String source, String model, int events, Duration delay) {
            awaiting.addAndGet(events);
        }

        @Override
        public void webhookDeferred(String source, String model, int events, String reason) {
            deferred.addAndGet(events);
        }
    }

    WebhookProcessor.Builder preCommit(CommitCounts counts, Duration window) {
        return processor().listener(counts).commitWait(window, Duration.ofMillis(20), Duration.ofMillis(100));
    }

    /** Processes until nothing is pending or in progress, or 20 s. */
    void drain(WebhookProcessor p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        EventFilter open = EventFilter.all().statuses(EventStatus.PENDING, EventStatus.PROCESSING);
        while (!inbox.list(open, 1).isEmpty() && System.nanoTime() < deadline) {
            if (p.processOnce() == 0) {
                Thread.sleep(10);
            }
        }
        assertThat(inbox.list(open, 10)).isEmpty();
    }

    @Test
    void aPostBeforeCommitIsReReadUntilOdooShowsTheChange() throws Exception {
        odoo.put("stock.quant", 47, Map.of("quantity", 0.0, "write_date", "2026-11-21 19:35:10"));
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        odoo.beforeRead = () -> {
            if (reads.incrementAndGet() == 4) { // Odoo commits after the post and three re-reads
                odoo.put("stock.quant", 47, Map.of("quantity", 123.0, "write_date", "2026-11-21 19:35:15"));
            }
        };
        post(Posts.captured().get(31)); // quantity 123, write_date 19:35:15.281255
        CommitCounts counts = new CommitCounts();

        drain(preCommit(counts, Duration.ofSeconds(10)).build());

        assertThat(readModel.find(SOURCE, "stock.quant", 47)).get()
                .satisfies(doc -> assertThat(doc).containsEntry("quantity", 123.0));
        assertThat(odoo.reads).hasSize(4);
        assertThat(counts.awaiting.get()).isEqualTo(3);
        assertThat(counts.deferred.get()).isZero();
        assertThat(events(EventStatus.DONE)).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(4));
    }

    @Test
    void inTheSameSecondTheLatestPostOfTheRecordDecides() throws Exception {
        // the first posts of one transaction hold intermediate values; Odoo committed the last one
        odoo.put("stock.quant", 47, Map.of("quantity", 123.0, "write_date", "2026-11-21 19:35:15"));
        odoo.put("stock.quant", 48, Map.of("quantity", -123.0, "write_date", "2026-11-21 19:35:15"));
        Posts.captured().subList(11, 32).forEach(this::post);
        CommitCounts counts = new CommitCounts();
        drain(preCommit(counts, Duration.ofSeconds(10)).build());
        assertThat(counts.awaiting.get()).isZero();
        assertThat(events(EventStatus.DONE)).hasSize(21);
    }

    @Test
    void aChangeNeverCommittedIsDeferredAfterTheWindowAndCounted() throws Exception {
        odoo.put("stock.quant", 47, Map.of("quantity", 0.0, "write_date", "2026-11-21 19:35:10"));
        post(Posts.captured().get(31)); // the transaction that would set 123 was rolled back
        CommitCounts counts = new CommitCounts();

        drain(preCommit(counts, Duration.ofMillis(400)).build());

        WebhookEvent deferred = events(EventStatus.DEFERRED).get(0);
        assertThat(deferred.lastError()).contains("2026-11-21T19:35:10Z", "2026-11-21T19:35:15.281255Z",
                "next scheduled sync run");
        assertThat(deferred.processedAt()).isNotNull();
        assertThat(counts.deferred.get()).isEqualTo(1);
        assertThat(counts.awaiting.get()).isPositive();
        // what Odoo has is applied meanwhile: the read model is equal to Odoo
        assertThat(readModel.find(SOURCE, "stock.quant", 47)).get()
                .satisfies(doc -> assertThat(doc).containsEntry("quantity", 0.0));
    }

    @Test
    void aCreateNotCommittedYetIsAppliedOnceOdooHasIt() throws Exception {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        odoo.beforeRead = () -> {
            if (reads.incrementAndGet() == 3) {
                odoo.put("product.product", 5060, Map.of("name", "Webhook Probe", "list_price", 9.5, "active", true,
                        "write_date", "2026-11-21 19:35:13"));
            }
        };
        post(Posts.captured().get(0));
        CommitCounts counts = new CommitCounts();
        drain(preCommit(counts, Duration.ofSeconds(10)).build());
        assertThat(readModel.find(SOURCE, "product.product", 5060)).isPresent();
        assertThat(counts.awaiting.get()).isEqualTo(2);
        assertThat(events(EventStatus.DONE)).hasSize(1);
    }

    @Test
    void aRolledBackCreateIsDeferredAndLeavesNothing() throws Exception {
        post(Posts.captured().get(0));
        CommitCounts counts = new CommitCounts();
        drain(preCommit(counts, Duration.ofMillis(300)).build());
        assertThat(readModel.find(SOURCE, "product.product", 5060)).isEmpty();
        assertThat(events(EventStatus.DEFERRED)).singleElement()
                .satisfies(e -> assertThat(e.lastError()).contains("does not have the record yet"));
        assertThat(counts.deferred.get()).isEqualTo(1);
    }

    @Test
    void reReadsWaitingForACommitDoNotCountAsFailedAttempts() throws Exception {
        odoo.put("stock.quant", 47, Map.of("quantity", 0.0, "write_date", "2026-11-21 19:35:10"));
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        odoo.beforeRead = () -> {
            int n = reads.incrementAndGet();
            if (n == 3) { // two re-reads waited for the commit, then Odoo fails once
                odoo.failuresLeft.set(1);
            } else if (n == 4) {
                odoo.put("stock.quant", 47, Map.of("quantity", 123.0, "write_date", "2026-11-21 19:35:15"));
            }
        };
        post(Posts.captured().get(31));
        drain(preCommit(new CommitCounts(), Duration.ofSeconds(10)).maxAttempts(2).build());
        assertThat(events(EventStatus.FAILED)).isEmpty();
        assertThat(events(EventStatus.DONE)).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(4));
    }
}
