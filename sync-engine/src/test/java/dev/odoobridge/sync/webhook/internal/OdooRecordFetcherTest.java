package dev.odoobridge.sync.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.domain.Domain;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OdooRecordFetcherTest {
    final List<Object[]> calls = new ArrayList<>();

    OdooClient client() {
        ModelHandle model = (ModelHandle) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ModelHandle.class}, (proxy, method, args) -> {
                    if (method.getName().equals("searchRead") && args.length == 3) {
                        calls.add(args);
                        return List.of(OdooRecord.of(Map.of("id", 5L, "active", false)));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (OdooClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {OdooClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("model")) {
                        assertThat(args[0]).isEqualTo("product.product");
                        return model;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void readsAllIdsInOneSearchReadIncludingArchived() {
        OdooRecordFetcher fetcher = new OdooRecordFetcher(Map.of("shop", client()));
        List<OdooRecord> rows = fetcher.read("shop", "product.product", Set.of(5L, 6L), List.of("id", "name"));
        assertThat(rows).extracting(OdooRecord::id).containsExactly(5L);
        assertThat(calls).hasSize(1);
        Domain.Condition domain = (Domain.Condition) calls.get(0)[0];
        assertThat(domain.path()).isEqualTo("id");
        assertThat(new ArrayList<Object>((java.util.Collection<?>) domain.value())).containsExactlyInAnyOrder(5L, 6L);
        assertThat(calls.get(0)[1]).isEqualTo(List.of("id", "name"));
        assertThat(((SearchOptions) calls.get(0)[2]).context()).containsEntry("active_test", false);
    }

    @Test
    void emptyIdsMakeNoCallAndUnknownSourcesAreRefused() {
        OdooRecordFetcher fetcher = new OdooRecordFetcher(Map.of("shop", client()));
        assertThat(fetcher.read("shop", "product.product", Set.of(), List.of("id"))).isEmpty();
        assertThat(calls).isEmpty();
        assertThatThrownBy(() -> fetcher.read("other", "product.product", Set.of(1L), List.of("id")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other").hasMessageContaining("shop");
    }
}
