package dev.odoobridge.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Positional;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.spi.OdooTransport;
import dev.odoobridge.client.value.Ref;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which named arguments each ORM method sends, checked on a transport double that records the calls. */
class DefaultModelHandleTest {
    private static final Map<String, Object> DEFAULT_CONTEXT = Map.of("lang", "en_US", "tz", "Europe/Brussels");

    private final RecordingTransport transport = new RecordingTransport();
    private final OdooClient client = OdooClients.create(OdooConfig.builder().url("http://localhost:1")
            .database("retail").login("admin").secret("not-used").retryPolicy(RetryPolicy.NONE)
            .defaultContext(DEFAULT_CONTEXT).build(), transport);
    private final ModelHandle partners = client.model("res.partner");

    @Test
    void searchSendsDomainPagingAndTheMergedContext() {
        transport.answer(List.of(3, 1));
        List<Long> ids = partners.search(Domains.eq("is_company", true),
                SearchOptions.DEFAULT.order("name desc").limit(10).offset(20).includeArchived());
        assertThat(ids).containsExactly(3L, 1L);
        OdooCall call = transport.only();
        assertThat(call.model()).isEqualTo("res.partner");
        assertThat(call.method()).isEqualTo("search");
        assertThat(call.ids()).isNull();
        assertThat(call.idempotent()).isTrue();
        assertThat(call.rpcArgs()).containsExactly(List.of(List.of("is_company", "=", true)));
        assertThat(call.kwargs()).containsOnlyKeys("context", "order", "limit", "offset")
                .containsEntry("order", "name desc").containsEntry("limit", 10).containsEntry("offset", 20);
        assertThat(context(call)).containsOnly(entry("lang", "en_US"), entry("tz", "Europe/Brussels"),
                entry("active_test", false));
    }

    @Test
    void defaultOptionsSendNoPaging() {
        transport.answer(List.of());
        partners.search(Domains.all());
        assertThat(transport.only().rpcArgs()).containsExactly(List.of());
        assertThat(transport.only().kwargs()).containsOnlyKeys("context");
        assertThat(context(transport.only())).isEqualTo(DEFAULT_CONTEXT);
    }

    @Test
    void searchCount() {
        transport.answer(41);
        assertThat(partners.searchCount(Domains.all())).isEqualTo(41);
        OdooCall call = transport.only();
        assertThat(call.method()).isEqualTo("search_count");
        assertThat(call.idempotent()).isTrue();
        assertThat(call.rpcArgs()).containsExactly(List.of());
        assertThat(call.kwargs()).containsOnlyKeys("context");
    }

    @Test
    void readSendsIdsAndFields() {
        transport.answer(List.of(Map.of("id", 7, "name", "Azure")));
        assertThat(partners.read(List.of(7L), List.of("name"))).singleElement()
                .satisfies(r -> assertThat(r.getString("name")).isEqualTo("Azure"));
        OdooCall call = transport.only();
        assertThat(call.method()).isEqualTo("read");
        assertThat(call.ids()).containsExactly(7L);
        assertThat(call.idempotent()).isTrue();
        assertThat(call.rpcArgs()).containsExactly(List.of(7L), List.of("name"));
        assertThat(call.kwargs()).containsOnlyKeys("context");
        assertThat(call.namedArgs()).containsOnlyKeys("ids", "fields", "context");
    }

    @Test
    void searchRead() {
        transport.answer(List.of());
        partners.searchRead(Domains.all(), List.of("name", "email"), SearchOptions.DEFAULT.order("id").limit(5));
        OdooCall call = transport.only();
        assertThat(call.method()).isEqualTo("search_read");
        assertThat(call.idempotent()).isTrue();
        assertThat(call.rpcArgs()).containsExactly(List.of());
        assertThat(call.kwargs()).containsOnlyKeys("context", "fields", "order", "limit")
                .containsEntry("fields", List.of("name", "email")).containsEntry("order", "id").containsEntry("limit", 5);
    }

    @Test
    void fieldsGetSendsAttributesOnlyWhenGiven() {
        transport.answer(Map.of("name", Map.of("type", "char", "string", "Name")));
        assertThat(partners.fieldsGet(List.of("type", "string")).fields()).containsKey("name");
        assertThat(transport.calls.get(0).kwargs()).containsEntry("attributes", List.of("type", "string"));
        transport.answer(Map.of());
        partners.fieldsGet(List.of());
        assertThat(transport.calls.get(1).kwargs()).containsOnlyKeys("context");
    }

    @Test
    void createOfOneMapSendsAOneElementValsListAndReturnsTheId() {
        transport.answer(List.of(48));
        long id = partners.create(Map.of("name", "Recording Partner", "parent_id", new Ref(43, "Azure")));
        assertThat(id).isEqualTo(48);
        OdooCall call = transport.only();
        assertThat(call.method()).isEqualTo("create");
        assertThat(call.ids()).isNull();
        assertThat(call.idempotent()).isFalse();
        // by position over XML-RPC / JSON-RPC (call_kw reads create's args[0]), by name over JSON-2
        assertThat(call.rpcArgs()).containsExactly(List.of(Map.of("name", "Recording Partner", "parent_id", 43L)));
        assertThat(call.kwargs()).containsOnlyKeys("context");
        assertThat(call.namedArgs()).containsOnlyKeys("vals_list", "context");
    }

    @Test
    void createOfOneAcceptsTheBareIdOlderServersReturn() {
        transport.answer(47);
        assertThat(partners.create(Map.of("name", "x"))).isEqualTo(47);
    }

    @Test
    void createOfOneThatReturnsTwoIdsIsMalformed() {
        transport.answer(List.of(1, 2));
        assertThatThrownBy(() -> partners.create(Map.of("name", "x"))).isInstanceOf(OdooTransportException.class)
                .hasMessageContaining("returned 2 ids for one record");
    }

    @Test
    void createManyConvertsValuesToTheWire() {
        transport.answer(List.of(58, 59));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("name", "B");
        withNull.put("barcode", null);
        List<Long> ids = client.model("product.product").create(List.of(
                Map.of("name", "A", "list_price", 1.5, "write_date", Instant.parse("2026-11-21T19:14:41Z")), withNull));
        assertThat(ids).containsExactly(58L, 59L);
        assertThat(transport.only().rpcArgs().get(0)).isEqualTo(List.of(
                Map.of("name", "A", "list_price", 1.5, "write_date", "2026-11-21 19:14:41"),
                Map.of("name", "B", "barcode", false)));
    }

    @Test
    void writeAndUnlinkAreNotIdempotent() {
        transport.answer(true);
        transport.answer(true);
        assertThat(partners.write(List.of(48L), Map.of("phone", "+1 555 0101"))).isTrue();
        assertThat(partners.unlink(List.of(48L, 49L))).isTrue();
        OdooCall write = transport.calls.get(0);
        assertThat(write.method()).isEqualTo("write");
        assertThat(write.ids()).containsExactly(48L);
        assertThat(write.idempotent()).isFalse();
        assertThat(write.rpcArgs()).containsExactly(List.of(48L), Map.of("phone", "+1 555 0101"));
        assertThat(write.kwargs()).containsOnlyKeys("context");
        OdooCall unlink = transport.calls.get(1);
        assertThat(unlink.method()).isEqualTo("unlink");
        assertThat(unlink.ids()).containsExactly(48L, 49L);
        assertThat(unlink.idempotent()).isFalse();
        assertThat(unlink.rpcArgs()).containsExactly(List.of(48L, 49L));
        assertThat(unlink.kwargs()).containsOnlyKeys("context");
    }

    @Test
    void emptyIdListsDoNotCallOdoo() {
        assertThat(partners.read(List.of(), List.of("name"))).isEmpty();
        assertThat(partners.write(List.of(), Map.of("name", "x"))).isTrue();
        assertThat(partners.unlink(List.of())).isTrue();
        assertThat(partners.create(List.<Map<String, Object>>of())).isEmpty();
        assertThat(transport.calls).isEmpty();
    }

    @Test
    void readGroupAndFormattedReadGroup() {
        transport.answer(List.of(Map.of("product_id", List.of(19, "Desk"), "__count", 1)));
        transport.answer(List.of());
        ModelHandle lines = client.model("sale.order.line");
        assertThat(lines.readGroup(Domains.all(), List.of("product_uom_qty:sum"), List.of("product_id"),
                SearchOptions.DEFAULT.order("product_id").limit(3))).hasSize(1);
        lines.formattedReadGroup(Domains.all(), List.of("product_id"), List.of("__count"), SearchOptions.DEFAULT.order("product_id"));
        OdooCall readGroup = transport.calls.get(0);
        assertThat(readGroup.method()).isEqualTo("read_group");
        assertThat(readGroup.kwargs()).containsOnlyKeys("context", "domain", "fields", "groupby", "lazy", "orderby", "limit")
                .containsEntry("lazy", false).containsEntry("orderby", "product_id");
        OdooCall formatted = transport.calls.get(1);
        assertThat(formatted.method()).isEqualTo("formatted_read_group");
        assertThat(formatted.kwargs()).containsOnlyKeys("context", "domain", "groupby", "aggregates", "order")
                .containsEntry("aggregates", List.of("__count"));
    }

    @Test
    void nameSearch() {
        transport.answer(List.of(List.of(3, "Azure Interior")));
        assertThat(partners.nameSearch("azu", Domains.eq("is_company", true), null, 8))
                .containsExactly(new Ref(3, "Azure Interior"));
        OdooCall call = transport.only();
        assertThat(call.rpcArgs()).containsExactly("azu", List.of(List.of("is_company", "=", true)), "ilike", 8);
        assertThat(call.kwargs()).containsOnlyKeys("context");
        // JSON-2 names the domain 'domain' (19 and later) and leaves out the default operator
        assertThat(call.namedArgs()).containsOnlyKeys("name", "domain", "limit", "context");
        transport.answer(List.of());
        partners.nameSearch("azu", Domains.all(), "=ilike", 8);
        assertThat(transport.calls.get(1).namedArgs()).containsOnlyKeys("name", "domain", "operator", "limit", "context")
                .containsEntry("operator", "=ilike");
    }

    @Test
    void callMergesTheCallersContextOverTheDefault() {
        transport.answer(Map.of("lang", "en_US", "tz", "UTC", "uid", 2));
        Map<String, Object> callerContext = Map.of("tz", "UTC", "active_test", false);
        Object result = client.model("res.users").call("context_get", List.of(),
                Map.of("context", callerContext, "limit", 1, "when", Instant.parse("2026-01-02T03:04:05Z")));
        assertThat(result).isEqualTo(Map.of("lang", "en_US", "tz", "UTC", "uid", 2));
        OdooCall call = transport.only();
        assertThat(call.method()).isEqualTo("context_get");
        assertThat(call.ids()).isNull();
        assertThat(call.idempotent()).isFalse();
        assertThat(call.kwargs()).containsOnlyKeys("context", "limit", "when")
                .containsEntry("when", "2026-01-02 03:04:05");
        assertThat(context(call)).containsOnly(entry("lang", "en_US"), entry("tz", "UTC"), entry("active_test", false));
        // neither the caller's map nor the configured default changed
        assertThat(callerContext).containsOnlyKeys("tz", "active_test");
        assertThat(client.config().defaultContext()).isEqualTo(DEFAULT_CONTEXT);
    }

    @Test
    void callWithIdsAndWithoutContext() {
        transport.answer(true);
        partners.call("action_archive", List.of(5L, 6L), Map.of());
        OdooCall call = transport.only();
        assertThat(call.ids()).containsExactly(5L, 6L);
        assertThat(call.kwargs()).containsOnlyKeys("context");
        assertThat(context(call)).isEqualTo(DEFAULT_CONTEXT);
    }

    @Test
    void callWithPositionalArgumentsSendsThemAfterTheIds() {
        transport.answer(List.of(61));
        Object result = client.model("mail.mail").call("create", List.of(),
                Positional.of("vals_list", List.of(Map.of("subject", "Code", "auto_delete", true))), Map.of());
        assertThat(result).isEqualTo(List.of(61));
        OdooCall call = transport.only();
        assertThat(call.ids()).isNull();
        assertThat(call.rpcArgs()).containsExactly(List.of(Map.of("subject", "Code", "auto_delete", true)));
        assertThat(call.namedArgs()).containsOnlyKeys("vals_list", "context");
        transport.answer(Map.of("name", false));
        partners.call("default_get", List.of(), Positional.of("fields", List.of("name")), Map.of());
        assertThat(transport.calls.get(1).rpcArgs()).containsExactly(List.of("name"));
    }

    @Test
    void callRejectsAContextThatIsNotAMap() {
        assertThatThrownBy(() -> partners.call("x", Map.of("context", "lang=fr"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'context' must be a Map");
        assertThat(transport.calls).isEmpty();
    }

    @Test
    void aWrongShapeIsMalformedNotAClassCast() {
        transport.answer("not a list");
        assertThatThrownBy(() -> partners.searchRead(Domains.all(), List.of())).isInstanceOf(OdooTransportException.class)
                .hasMessageContaining("expected a list");
        transport.answer(List.of(List.of(1)));
        assertThatThrownBy(() -> partners.nameSearch("x", Domains.all(), "ilike", 1))
                .isInstanceOf(OdooTransportException.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(OdooCall call) {
        return (Map<String, Object>) call.kwargs().get("context");
    }

    /** Records every call and answers from a queue. */
    private static final class RecordingTransport implements OdooTransport {
        final List<OdooCall> calls = new ArrayList<>();
        private final Deque<Object> answers = new ArrayDeque<>();

        void answer(Object value) {
            answers.add(value);
        }

        OdooCall only() {
            assertThat(calls).hasSize(1);
            return calls.get(0);
        }

        @Override
        public Object execute(OdooCall call) {
            calls.add(call);
            if (answers.isEmpty()) {
                throw new AssertionError("unexpected call " + call.model() + "." + call.method());
            }
            return answers.poll();
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public ServerVersion version() {
            throw new AssertionError("not used");
        }

        @Override
        public int authenticate() {
            return 2;
        }

        @Override
        public void close() {
        }
    }
}
