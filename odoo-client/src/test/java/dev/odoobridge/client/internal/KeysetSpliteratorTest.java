package dev.odoobridge.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.spi.OdooTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KeysetSpliteratorTest {

    /** Serves ids 1..total for search_read, honouring an {@code id > n} leaf and the limit. */
    private static final class PagingTransport implements OdooTransport {
        final int total;
        final List<OdooCall> calls = new ArrayList<>();

        PagingTransport(int total) {
            this.total = total;
        }

        @Override
        public Object execute(OdooCall call) {
            calls.add(call);
            long after = 0;
            for (Object term : (List<?>) call.namedArgs().get("domain")) {
                if (term instanceof List<?> leaf && leaf.get(0).equals("id") && leaf.get(1).equals(">")) {
                    after = ((Number) leaf.get(2)).longValue();
                }
            }
            int limit = (Integer) call.kwargs().get("limit");
            List<Object> rows = new ArrayList<>();
            for (long id = after + 1; id <= total && rows.size() < limit; id++) {
                rows.add(Map.of("id", (int) id, "name", "p" + id));
            }
            return rows;
        }

        @Override
        public String name() {
            return "paging";
        }

        @Override
        public ServerVersion version() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public int authenticate() {
            return 2;
        }

        @Override
        public void close() {
        }
    }

    private static OdooClient client(OdooTransport t) {
        return OdooClients.create(OdooConfig.builder().url("http://localhost:1").database("d").login("l").secret("s")
                .build(), t);
    }

    @Test
    void pagesByIdGreaterThanLastAndStopsOnAShortPage() {
        PagingTransport t = new PagingTransport(25);
        List<Long> ids = client(t).model("res.partner").stream(Domains.eq("active", true), List.of("name"), 10)
                .map(OdooRecord::id).collect(Collectors.toList());
        assertThat(ids).hasSize(25).startsWith(1L).endsWith(25L).doesNotHaveDuplicates();
        assertThat(t.calls).hasSize(3);
        assertThat(t.calls.get(0).kwargs().get("order")).isEqualTo("id asc");
        assertThat(t.calls.get(0).kwargs().get("fields")).isEqualTo(List.of("name", "id"));
        assertThat(t.calls.get(1).namedArgs().get("domain"))
                .isEqualTo(List.of("&", List.of("active", "=", true), List.of("id", ">", 10L)));
    }

    @Test
    void exactMultipleEndsWithOneEmptyPage() {
        PagingTransport t = new PagingTransport(20);
        assertThat(client(t).model("m").stream(Domains.all(), List.of(), 10).count()).isEqualTo(20);
        assertThat(t.calls).hasSize(3);
    }

    @Test
    void fetchesLazilyOnePageAtATime() {
        PagingTransport t = new PagingTransport(1000);
        try (Stream<OdooRecord> s = client(t).model("m").stream(Domains.all(), List.of("name"), 50)) {
            assertThat(s.limit(60).count()).isEqualTo(60);
        }
        assertThat(t.calls).hasSize(2);
    }
}
