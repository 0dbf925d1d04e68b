package dev.odoobridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.SyncRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pushes through FakeOdoo (17.0 and 19.0): idempotent creates, refusals, conflicts, re-sync. */
class FeedPushIT {
    private FeedStack stack;

    @AfterEach
    void close() {
        if (stack != null) {
            stack.close();
        }
    }

    private ChangeSet changes(String json) {
        return stack.feed.parseChanges(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private long anyProduct() {
        return stack.odoo.model("product.product").search(Domains.eq("sale_ok", true), SearchOptions.DEFAULT.limit(1)).get(0);
    }

    private String offlineOrder(long product) {
        return "{'partners': {'created': [{'id': 'dev-p1', '_status': 'created', '_changed': '', 'name': 'Walk-in Ann',"
                + " 'email': 'ann@example.com', 'phone': null, 'street': null, 'city': 'Lyon', 'is_company': false,"
                + " 'updated_at': 1700000000000}], 'updated': [], 'deleted': []},"
                + " 'sale_orders': {'created': [{'id': 'dev-o1', '_status': 'created', '_changed': '', 'name': null,"
                + " 'partner_id': 'dev-p1', 'date_order': null, 'state': null, 'amount_untaxed': null, 'amount_total': null,"
                + " 'updated_at': 1700000000000}], 'updated': [], 'deleted': []},"
                + " 'sale_order_lines': {'created': ["
                + "{'id': 'dev-l1', '_status': 'created', '_changed': '', 'order_id': 'dev-o1', 'product_id': '" + product
                + "', 'name': 'first', 'product_uom_qty': 2, 'price_unit': 10.5, 'price_subtotal': null},"
                + "{'id': 'dev-l2', '_status': 'created', '_changed': '', 'order_id': 'dev-o1', 'product_id': '" + product
                + "', 'name': 'second', 'product_uom_qty': 1, 'price_unit': 4, 'price_subtotal': null}],"
                + " 'updated': [], 'deleted': []},"
                + " 'products': {'created': [], 'updated': [], 'deleted': []}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void anOfflineOrderIsCreatedOnceAndComesBackWithItsOdooNameAndTotals(String version) {
        stack = new FeedStack(version, 20);
        long ts = stack.feed.pull(stack.scope, PullRequest.first()).timestamp();
        long product = anyProduct();

        PushResult result = stack.feed.push(stack.scope, ts, changes(offlineOrder(product)));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.written()).isEqualTo(2); // the partner, the order with its lines in one create
        List<OdooRecord> orders = stack.odoo.model("sale.order").searchRead(Domains.eq("client_order_ref", "dev-o1"),
                List.of("name", "amount_total", "order_line", "partner_id"), SearchOptions.DEFAULT);
        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(o.getString("name")).startsWith("S");
            assertThat(o.getDouble("amount_total")).isEqualTo(25.0);
            assertThat(o.getIds("order_line")).hasSize(2);
        });

        PullPage next = stack.feed.pull(stack.scope, PullRequest.after(ts));
        assertThat(next.timestamp()).isGreaterThanOrEqualTo(result.writeCheckpoint());
        Map<String, Object> order = next.changes().get("sale_orders").updated().stream()
                .filter(r -> r.get("id").equals("dev-o1")).findFirst().orElseThrow();
        assertThat(order.get("name")).isEqualTo(orders.get(0).getString("name"));
        assertThat(order.get("odoo_id")).isEqualTo(orders.get(0).id());
        assertThat(order.get("amount_total")).isEqualTo(25.0);
        assertThat(order.get("partner_id")).isEqualTo("dev-p1");
        assertThat(next.changes().get("sale_orders").created()).isEmpty();
        assertThat(next.changes().get("sale_order_lines").updated()).extracting(r -> r.get("id"))
                .contains("dev-l1", "dev-l2");
        assertThat(next.changes().get("sale_order_lines").updated()).filteredOn(r -> r.get("id").equals("dev-l1"))
                .singleElement().satisfies(l -> {
                    assertThat(l.get("order_id")).isEqualTo("dev-o1");
                    assertThat(l.get("price_subtotal")).isEqualTo(21.0);
                });
        assertThat(next.changes().get("partners").updated()).extracting(r -> r.get("id")).contains("dev-p1");

        // the device did not hear the answer and pushes the same again
        PushResult again = stack.feed.push(stack.scope, ts, changes(offlineOrder(product)));
        assertThat(again.rejected()).isEmpty();
        assertThat(again.written()).isZero();
        assertThat(stack.odoo.model("sale.order").searchCount(Domains.eq("client_order_ref", "dev-o1"))).isEqualTo(1);
        assertThat(stack.odoo.model("res.partner").searchCount(Domains.eq("ref", "dev-p1"))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.0"})
    void aCrashBetweenTheOdooCreateAndTheMappingDoesNotDuplicateOnRetry(String version) {
        stack = new FeedStack(version, 10);
        long ts = stack.feed.pull(stack.scope, PullRequest.first()).timestamp();
        long product = anyProduct();
        // the intent row exists and the order exists in Odoo, but the mapping was never completed
        dev.odoobridge.feed.internal.CrashingPush.pushAndDieAfterCreate(stack.feed.config(), stack.scope, ts,
                changes(offlineOrder(product)));
        assertThat(stack.odoo.model("sale.order").searchCount(Domains.eq("client_order_ref", "dev-o1"))).isEqualTo(1);

        PushResult retry = stack.feed.push(stack.scope, ts, changes(offlineOrder(product)));

        assertThat(retry.rejected()).isEmpty();
        assertThat(stack.odoo.model("sale.order").searchCount(Domains.eq("client_order_ref", "dev-o1"))).isEqualTo(1);
        assertThat(stack.odoo.model("sale.order.line").searchCount(Domains.eq("order_id.client_order_ref", "dev-o1")))
                .isEqualTo(2);
        PullPage next = stack.feed.pull(stack.scope, PullRequest.after(ts));
        assertThat(next.changes().get("sale_orders").updated()).extracting(r -> r.get("id")).contains("dev-o1");
    }

    @org.junit.jupiter.api.Test
    void aProcessKilledBetweenTheOdooCreateAndTheMappingDoesNotDuplicateOnRetry() throws Exception {
        String stateUrl = dev.odoobridge.sync.state.SharedPostgres.freshDatabaseUrl();
        dev.odoobridge.testkit.FakeOdoo fake = dev.odoobridge.testkit.FakeOdoo.builder().version("19.0").products(10)
                .build().start();
        try (dev.odoobridge.sync.state.StateDatabase state =
                     dev.odoobridge.sync.state.StateDatabase.connect(stateUrl, "postgres", null)) {
            stack = new FeedStack(fake, state);
            long ts = stack.feed.pull(stack.scope, PullRequest.first()).timestamp();
            String body = offlineOrder(anyProduct()).replace('\'', '"');
            java.nio.file.Path file = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target"), "push-", ".json");
            java.nio.file.Files.writeString(file, body);
            dev.odoobridge.client.OdooConfig admin = fake.config(dev.odoobridge.client.Transport.XMLRPC,
                    dev.odoobridge.testkit.FakeOdoo.ADMIN);
            Process child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), dev.odoobridge.feed.internal.KillAfterCreate.class.getName(),
                    admin.url().toString(), admin.database(), admin.login(), admin.secret(), stateUrl, stack.source,
                    String.valueOf(ts), file.toString()).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(out).isEqualTo(dev.odoobridge.feed.internal.KillAfterCreate.KILLED);
            assertThat(stack.odoo.model("sale.order").searchCount(Domains.eq("client_order_ref", "dev-o1"))).isEqualTo(1);

            PushResult retry = stack.feed.push(stack.scope, ts, stack.feed.parseChanges(body.getBytes(StandardCharsets.UTF_8)));

            assertThat(retry.rejected()).isEmpty();
            assertThat(stack.odoo.model("sale.order").searchCount(Domains.eq("client_order_ref", "dev-o1"))).isEqualTo(1);
            assertThat(stack.odoo.model("res.partner").searchCount(Domains.eq("ref", "dev-p1"))).isEqualTo(1);
            PullPage next = stack.feed.pull(stack.scope, PullRequest.after(ts));
            assertThat(next.changes().get("sale_orders").updated()).extracting(r -> r.get("id")).contains("dev-o1");
            assertThat(next.changes().get("sale_order_lines").updated()).extracting(r -> r.get("id"))
                    .contains("dev-l1", "dev-l2");
            stack.close();
            stack = null;
        }
    }

    @org.junit.jupiter.api.Test
    void twoPushesOfTheSameOrderAtOnceCreateItOnce() throws Exception {
        stack = new FeedStack("19.0", 10);
        long ts = stack.feed.pull(stack.scope, PullRequest.first()).timestamp();
        long product = anyProduct();
        java.util.concurrent.CountDownLatch creating = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // the first push stops between storing its intent and the Odoo create, as a slow Odoo call would
        dev.odoobridge.feed.internal.PushWriter slow = new dev.odoobridge.feed.internal.PushWriter(stack.feed.config(),
                null, stack.feed.config().stateDatabase().orElseThrow().dataSource(),
                new dev.odoobridge.feed.internal.PushWriter.AfterCreate() {
                    @Override
                    public void created(String source, String model, String clientId, long odooId) {
                    }

                    @Override
                    public void creating(String source, String model, String clientId) {
                        if (model.equals("sale.order")) {
                            creating.countDown();
                            try {
                                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                });
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<PushResult> first = threads.submit(() -> slow.push(stack.scope, ts,
                    changes(offlineOrder(product))));
            assertThat(creating.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // the device gave up waiting and pushes the same change set again
            java.util.concurrent.Future<PushResult> second = threads.submit(() -> stack.feed.push(stack.scope, ts,
                    changes(offlineOrder(product))));
            Thread.sleep(2_000);
            assertThat(second.isDone()).as("the second push waits for the first one's create").isFalse();
            release.countDown();

            assertThat(first.get(60, java.util.concurrent.TimeUnit.SECONDS).rejected()).isEmpty();
            assertThat(second.get(60, java.util.concurrent.TimeUnit.SECONDS).rejected()).isEmpty();
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertThat(stack.odoo.model("sale.order").searchCount(Domains.eq("client_order_ref", "dev-o1"))).isEqualTo(1);
        assertThat(stack.odoo.model("sale.order.line").searchCount(Domains.eq("order_id.client_order_ref", "dev-o1")))
                .isEqualTo(2);
        assertThat(stack.odoo.model("res.partner").searchCount(Domains.eq("ref", "dev-p1"))).isEqualTo(1);
        PullPage next = stack.feed.pull(stack.scope, PullRequest.after(ts));
        assertThat(next.changes().get("sale_orders").updated()).extracting(r -> r.get("id")).containsOnlyOnce("dev-o1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "19.0"})
    void odooRefusalsRejectOneRecordWhileTheOthersGoThrough(String version) {
        stack = new FeedStack(version, 10);
        long ts = stack.feed.pull(stack.scope, PullRequest.first()).timestamp();
        long confirmed = stack.odoo.model("sale.order").search(Domains.eq("state", "sale"), SearchOptions.DEFAULT.limit(1)).get(0);

        // a UserError (deleting a confirmed order) and a ValidationError (an order without its required customer)
        PushResult result = stack.feed.push(stack.scope, ts, changes("{'sale_orders': {'created': [{'id': 'dev-o9',"
                + " 'name': null}], 'updated': [], 'deleted': ['" + confirmed + "']}, 'partners': {'created': [{'id':"
                + " 'dev-p9', 'name': 'New customer'}], 'updated': [], 'deleted': []}}"));

        assertThat(result.rejectedIds()).containsOnlyKeys("sale_orders");
        assertThat(result.rejectedIds().get("sale_orders")).containsExactlyInAnyOrder(String.valueOf(confirmed), "dev-o9");
        Rejection why = result.rejected().get("sale_orders").get(String.valueOf(confirmed));
        assertThat(why.kind()).isEqualTo(Rejection.Kind.REFUSED);
        assertThat(why.message()).contains("You can not delete a sent quotation or a confirmed sales order");
        Rejection invalid = result.rejected().get("sale_orders").get("dev-o9");
        assertThat(invalid.kind()).isEqualTo(Rejection.Kind.REFUSED);
        assertThat(invalid.message()).containsIgnoringCase("partner_id");
        assertThat(stack.odoo.model("sale.order").searchCount(Domains.eq("client_order_ref", "dev-o9"))).isZero();
        assertThat(stack.odoo.model("sale.order").searchCount(Domains.eq("id", confirmed))).isEqualTo(1);
        assertThat(stack.odoo.model("res.partner").searchCount(Domains.eq("ref", "dev-p9"))).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void aChangeSetWithOneBadRecordIsRefusedWholeAndWritesNothing() {
        stack = new FeedStack("19.0", 5);
        long ts = stack.feed.pull(stack.scope, PullRequest.first()).timestamp();
        // a valid partner and order, then a line whose quantity is text
        String body = offlineOrder(anyProduct()).replace("'product_uom_qty': 1,", "'product_uom_qty': 'one',");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stack.feed.push(stack.scope, ts, changes(body)))
                .isInstanceOfSatisfying(FeedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FeedException.Reason.BAD_REQUEST);
                    assertThat(e.table()).isEqualTo("sale_order_lines");
                    assertThat(e.recordId()).isEqualTo("dev-l2");
                    assertThat(e.field()).isEqualTo("product_uom_qty");
                });
        assertThat(stack.odoo.model("res.partner").searchCount(Domains.eq("ref", "dev-p1"))).isZero();
        assertThat(stack.odoo.model("sale.order").searchCount(Domains.eq("client_order_ref", "dev-o1"))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"19.0"})
    void aRecordChangedInOdooAfterTheLastPullIsAConflictAndIsNotOverwritten(String version) {
        stack = new FeedStack(version, 10);
        long ts = stack.feed.pull(stack.scope, PullRequest.first()).timestamp();
        long partner = stack.odoo.model("res.partner").search(Domains.eq("is_company", true), SearchOptions.DEFAULT.limit(2)).get(0);
        long other = stack.odoo.model("res.partner").search(Domains.eq("is_company", true), SearchOptions.DEFAULT.limit(2)).get(1);
        stack.odoo.model("res.partner").write(List.of(partner), Map.of("city", "Changed in Odoo"));
        stack.sync(SyncRequest.incremental());

        PushResult result = stack.feed.push(stack.scope, ts, changes("{'partners': {'created': [], 'updated': ["
                + "{'id': '" + partner + "', '_status': 'updated', '_changed': 'city', 'city': 'Changed on device'},"
                + "{'id': '" + other + "', '_status': 'updated', '_changed': 'phone', 'phone': '+33 1 23'}], 'deleted': []}}"));

        assertThat(result.rejected().get("partners")).containsOnlyKeys(String.valueOf(partner));
        assertThat(result.rejected().get("partners").get(String.valueOf(partner)).kind()).isEqualTo(Rejection.Kind.CONFLICT);
        assertThat(stack.odoo.model("res.partner").read(List.of(partner), List.of("city")).get(0).getString("city"))
                .isEqualTo("Changed in Odoo");
        assertThat(stack.odoo.model("res.partner").read(List.of(other), List.of("phone")).get(0).getString("phone"))
                .isEqualTo("+33 1 23");
        // after pulling, the same change goes through
        long ts2 = stack.feed.pull(stack.scope, PullRequest.after(ts)).timestamp();
        PushResult again = stack.feed.push(stack.scope, ts2, changes("{'partners': {'created': [], 'updated': ["
                + "{'id': '" + partner + "', '_status': 'updated', '_changed': 'city', 'city': 'Changed on device'}],"
                + " 'deleted': []}}"));
        assertThat(again.rejected()).isEmpty();
        PullPage pulled = stack.feed.pull(stack.scope, PullRequest.after(ts2));
        assertThat(pulled.changes().get("partners").updated()).filteredOn(r -> r.get("id").equals(String.valueOf(partner)))
                .singleElement().satisfies(r -> assertThat(r.get("city")).isEqualTo("Changed on device"));
    }
}
