package dev.odoobridge.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pull cursors over a hand-written read model: creates, updates, deletes, horizon, scope and paging. */
class FeedPullTest {
    private final ReadModelDocs rm = new ReadModelDocs();
    private final FeedScope shop = FeedScope.source("shop");
    private Feed feed = Feeds.create(rm.config().build());

    @AfterEach
    void close() {
        feed.close();
        rm.close();
    }

    private PullPage pull(Long last) {
        return feed.pull(shop, last == null ? PullRequest.first() : PullRequest.after(last));
    }

    @Test
    void firstSyncSendsLiveRecordsAsCreatedWithStringIdsAndTheOdooIdAsAColumn() {
        rm.product("shop", 7, "Desk", 120.0);
        rm.stock("shop", 7, 4.0, List.of(50L));
        rm.product("other", 8, "Not mine", 1.0);

        PullPage page = pull(null);

        TableChanges products = page.changes().get("products");
        assertThat(products.updated()).isEmpty();
        assertThat(products.deleted()).isEmpty();
        assertThat(products.created()).singleElement().satisfies(r -> {
            assertThat(r.get("id")).isEqualTo("7");
            assertThat(r.get("odoo_id")).isEqualTo(7L);
            assertThat(r.get("name")).isEqualTo("Desk");
            assertThat(r.get("barcode")).isEqualTo("B7");
            assertThat(r.get("list_price")).isEqualTo(120.0);
            assertThat(r.get("qty_on_hand")).isEqualTo(4.0);
            assertThat(r.get("updated_at")).isInstanceOf(Long.class);
        });
        assertThat(page.timestamp()).isEqualTo(rm.seq.get() + 1);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.changes().keySet()).containsExactly("products", "partners", "sale_orders", "sale_order_lines");
    }

    @Test
    void aTableSelectsAndRenamesColumnsWithQuantityOnHandPerWarehouse() {
        feed.close();
        FeedTable products = FeedTable.builder("items", "product.product")
                .column(FeedColumn.text("title", "name"))
                .column(FeedColumn.text("barcode", "barcode"))
                .column(FeedColumn.number("price", "list_price"))
                .column(FeedColumn.onHand("qty_main", 1))
                .column(FeedColumn.onHand("qty_other", 2))
                .column(FeedColumn.onHand("qty_on_hand"))
                .vendorScoped().build();
        feed = Feeds.create(rm.config().tables(List.of(products)).build());
        rm.product("shop", 7, "Desk", 120.0);
        rm.put("product_stock", "shop", 7, Map.of("product_id", 7L, "on_hand", 9.0, "vendor_ids", List.of(), "warehouses",
                List.of(new org.bson.Document("warehouse_id", 1L).append("on_hand", 4.0),
                        new org.bson.Document("warehouse_id", 2L).append("on_hand", 5.0))));

        PullPage page = pull(null);

        assertThat(page.changes().keySet()).containsExactly("items");
        assertThat(page.changes().get("items").created()).singleElement().satisfies(r -> {
            assertThat(r).containsOnlyKeys("id", "odoo_id", "title", "barcode", "price", "qty_main", "qty_other",
                    "qty_on_hand");
            assertThat(r.get("title")).isEqualTo("Desk");
            assertThat(r.get("price")).isEqualTo(120.0);
            assertThat(r.get("qty_main")).isEqualTo(4.0);
            assertThat(r.get("qty_other")).isEqualTo(5.0);
            assertThat(r.get("qty_on_hand")).isEqualTo(9.0);
        });
    }

    @Test
    void aRecordCreatedAndDeletedBeforeTheFirstSyncNeverReachesTheDevice() {
        rm.product("shop", 1, "Kept", 1.0);
        rm.product("shop", 2, "Gone", 1.0);
        rm.delete("product_product", "shop", 2);

        PullPage page = pull(null);

        assertThat(page.changes().get("products").created()).extracting(r -> r.get("id")).containsExactly("1");
        assertThat(page.changes().get("products").deleted()).isEmpty();
    }

    @Test
    void laterPullsSendChangesAsUpdatedAndTombstonesAsDeleted() {
        rm.product("shop", 1, "A", 1.0);
        rm.product("shop", 2, "B", 1.0);
        long t1 = pull(null).timestamp();
        rm.product("shop", 1, "A2", 2.0);
        rm.delete("product_product", "shop", 2);
        rm.product("shop", 3, "C", 3.0);

        PullPage page = pull(t1);

        TableChanges p = page.changes().get("products");
        assertThat(p.created()).isEmpty();
        assertThat(p.updated()).extracting(r -> r.get("id")).containsExactly("1", "3");
        assertThat(p.updated().get(0).get("name")).isEqualTo("A2");
        assertThat(p.deleted()).containsExactly("2");
        assertThat(pull(page.timestamp()).changes().get("products")).isEqualTo(TableChanges.none());
    }

    @Test
    void aStockChangeAloneUpdatesTheProductRow() {
        rm.product("shop", 1, "A", 1.0);
        rm.stock("shop", 1, 5.0, List.of());
        long t1 = pull(null).timestamp();
        rm.stock("shop", 1, 3.0, List.of());

        assertThat(pull(t1).changes().get("products").updated()).singleElement()
                .satisfies(r -> assertThat(r.get("qty_on_hand")).isEqualTo(3.0));
    }

    @Test
    void archivedRecordsAndRecordsLeavingTheVendorScopeAreSentAsDeleted() {
        FeedScope vendor = new FeedScope("shop", Set.of(50L), Set.of());
        rm.product("shop", 1, "Vendor's", 1.0);
        rm.stock("shop", 1, 5.0, List.of(50L));
        rm.product("shop", 2, "Someone else's", 1.0);
        rm.stock("shop", 2, 5.0, List.of(60L));
        PullPage first = feed.pull(vendor, PullRequest.first());
        assertThat(first.changes().keySet()).containsExactly("products");
        assertThat(first.changes().get("products").created()).extracting(r -> r.get("id")).containsExactly("1");

        rm.stock("shop", 1, 5.0, List.of(60L)); // the vendor no longer supplies it
        PullPage next = feed.pull(vendor, PullRequest.after(first.timestamp()));
        assertThat(next.changes().get("products").deleted()).containsExactly("1");
        assertThat(next.changes().get("products").updated()).isEmpty();

        long t = pull(null).timestamp();
        rm.put("product_product", "shop", 2, Map.of("name", "Archived", "active", false));
        assertThat(pull(t).changes().get("products").deleted()).containsExactly("2");
    }

    @Test
    void aVendorScopedKeyCannotAskForOtherTables() {
        FeedScope vendor = new FeedScope("shop", Set.of(50L), Set.of());
        assertThatThrownBy(() -> feed.pull(vendor, PullRequest.first().withTables(Set.of("sale_orders"))))
                .isInstanceOfSatisfying(FeedException.class, e -> assertThat(e.reason()).isEqualTo(FeedException.Reason.OUT_OF_SCOPE));
        FeedScope onlyPartners = new FeedScope("shop", Set.of(), Set.of("partners"));
        assertThat(feed.pull(onlyPartners, PullRequest.first()).changes().keySet()).containsExactly("partners");
        assertThatThrownBy(() -> feed.pull(shop, PullRequest.first().withTables(Set.of("nope"))))
                .isInstanceOfSatisfying(FeedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FeedException.Reason.BAD_REQUEST);
                    assertThat(e.table()).isEqualTo("nope");
                });
    }

    @Test
    void aPullOlderThanTheOldestRetainedChangeNeedsAFullResync() {
        rm.product("shop", 1, "A", 1.0);
        long t = pull(null).timestamp();
        rm.product("shop", 1, "A", 2.0);
        rm.oldest = t + 1;

        assertThatThrownBy(() -> pull(t)).isInstanceOfSatisfying(FeedException.class,
                e -> assertThat(e.reason()).isEqualTo(FeedException.Reason.FULL_RESYNC_REQUIRED));
        assertThatThrownBy(() -> pull(rm.seq.get() + 50)).isInstanceOfSatisfying(FeedException.class,
                e -> assertThat(e.reason()).isEqualTo(FeedException.Reason.FULL_RESYNC_REQUIRED));
    }

    @Test
    void theTimestampNeverPassesTheSafeSequence() {
        rm.product("shop", 1, "A", 1.0);
        rm.safe = 0; // a writer holding sequence 1 may not have finished
        PullPage page = pull(null);
        assertThat(page.timestamp()).isEqualTo(1);
        assertThat(page.changes().get("products").created()).isEmpty();
        rm.safe = -1;
        assertThat(pull(page.timestamp()).changes().get("products").updated()).hasSize(1);
    }

    @Test
    void createdAsUpdatedOption() {
        rm.product("shop", 1, "A", 1.0);
        PullRequest asUpdated = new PullRequest(java.util.OptionalLong.empty(), Set.of(), java.util.Optional.of(true));
        TableChanges p = feed.pull(shop, asUpdated).changes().get("products");
        assertThat(p.created()).isEmpty();
        assertThat(p.updated()).hasSize(1);
        feed.close();
        feed = Feeds.create(rm.config().sendCreatedAsUpdated(true).build());
        assertThat(pull(null).changes().get("products").updated()).hasSize(1);
    }

    @Test
    void pagesWithConcurrentWritesSkipNothingAndEndWithTheStoreState() {
        feed.close();
        feed = Feeds.create(rm.config().pageSize(37).build());
        for (long i = 1; i <= 200; i++) {
            rm.product("shop", i, "P" + i, i);
        }
        Map<String, Map<String, Object>> device = new HashMap<>();
        Long last = null;
        int pages = 0;
        int round = 0;
        while (true) {
            PullPage page = pull(last);
            pages++;
            assertThat(page.changes().get("products").created().size() + page.changes().get("products").updated().size()
                    + page.changes().get("products").deleted().size()).isLessThanOrEqualTo(37);
            TableChanges p = page.changes().get("products");
            List<Map<String, Object>> rows = new ArrayList<>(p.created());
            rows.addAll(p.updated());
            rows.forEach(r -> device.put((String) r.get("id"), r));
            p.deleted().forEach(device::remove);
            last = page.timestamp();
            // writers keep going between pages: updates of sent and unsent rows, deletions, creations
            if (round++ < 4) {
                rm.product("shop", 1 + round, "changed" + round, 0);
                rm.product("shop", 150 + round, "changed" + round, 0);
                rm.delete("product_product", "shop", 100 + round);
                rm.product("shop", 1000 + round, "new" + round, 0);
            }
            if (!page.hasMore() && round > 4) {
                break;
            }
        }
        assertThat(pages).isGreaterThanOrEqualTo(6);
        Set<String> expected = new HashSet<>();
        Map<String, Object> names = new HashMap<>();
        for (org.bson.Document d : rm.db.getCollection("product_product").find()) {
            expected.add(String.valueOf(d.get("_odoo_id")));
            names.put(String.valueOf(d.get("_odoo_id")), d.get("name"));
        }
        assertThat(device.keySet()).isEqualTo(expected);
        device.forEach((id, r) -> assertThat(r.get("name")).as(id).isEqualTo(names.get(id)));
    }
}
