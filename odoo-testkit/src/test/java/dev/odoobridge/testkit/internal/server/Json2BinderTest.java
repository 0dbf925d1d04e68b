package dev.odoobridge.testkit.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.testkit.internal.orm.OrmRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Json2BinderTest {
    @Test
    void modelMethodsRefuseIdsAndCheckArguments() {
        assertThatThrownBy(() -> Json2Binder.bind("res.partner", "search_count", Map.of("ids", List.of(1), "domain", List.of()), 2))
                .hasMessage("cannot call res.partner.search_count with ids");
        assertThatThrownBy(() -> Json2Binder.bind("res.partner", "search_count", Map.of("domian", List.of()), 2))
                .hasMessage("missing a required argument: 'domain'");
        assertThatThrownBy(() -> Json2Binder.bind("res.partner", "search", Map.of("domain", List.of(), "x", 1), 2))
                .hasMessage("got an unexpected keyword argument 'x'");
    }

    @Test
    void recordMethodsGetIdsAndContextStaysNamed() throws Exception {
        OrmRequest r = Json2Binder.bind("res.partner", "write",
                Map.of("ids", List.of(4), "vals", Map.of("name", "x"), "context", Map.of("lang", "en_US")), 2);
        assertThat(r.ids()).containsExactly(4);
        assertThat(r.args()).isEmpty();
        assertThat(r.kwargs()).containsEntry("vals", Map.of("name", "x")).containsEntry("context", Map.of("lang", "en_US"));
        assertThat(Json2Binder.bind("res.partner", "unlink", Map.of(), 2).ids()).isEmpty();
        assertThat(Json2Binder.bind("res.partner", "search_read", Map.of("load", "_classic_read"), 2).ids()).isNull();
    }

    @Test
    void businessMethodsPassThrough() throws Exception {
        OrmRequest r = Json2Binder.bind("sale.order", "action_confirm", Map.of("ids", List.of(1, 2), "anything", 1), 5);
        assertThat(r.ids()).containsExactly(1, 2);
        assertThat(r.kwargs()).containsEntry("anything", 1);
        assertThat(r.uid()).isEqualTo(5);
    }
}
