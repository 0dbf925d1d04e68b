package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.client.error.MissingRecordException;
import dev.odoobridge.client.error.UnknownModelException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@FakeOdooTest(products = 5, seed = 9)
class FakeOdooExtensionIT {

    @Test
    void injectsAStartedServerWithGeneratedData(FakeOdoo fake) {
        assertThat(fake.url()).startsWith("http://127.0.0.1:");
        assertThat(fake.database()).isEqualTo("odoo");
        assertThat(fake.data()).hasValueSatisfying(d -> assertThat(d.count("product.product")).isPositive());
        assertThat(fake.apiKey("admin")).matches("[0-9a-f]{40}").isEqualTo(fake.apiKey("admin"));
    }

    @Test
    void injectsAnAdminClient(OdooClient odoo, FakeOdoo fake) {
        // a search leaves archived records out, as Odoo does; the generated data has one archived product
        long active = fake.records("product.product", List.of("active")).stream()
                .filter(p -> Boolean.TRUE.equals(p.get("active"))).count();
        assertThat(active).isPositive().isLessThan(fake.data().orElseThrow().count("product.product"));
        assertThat(odoo.model("product.product").searchCount(Domains.all())).isEqualTo(active);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"XMLRPC", "JSONRPC", "JSON2", "AUTO"})
    void everyTransportReadsWritesAndTranslatesFaults(Transport transport, FakeOdoo fake) {
        try (OdooClient admin = fake.client(transport); OdooClient demo = fake.client(transport, FakeOdoo.DEMO);
             OdooClient json2 = fake.client(Transport.JSON2)) {
            var partners = admin.model("res.partner");
            // created over JSON-2: over XML-RPC / JSON-RPC real Odoo (and FakeOdoo) takes create's records only as
            // the first positional argument, which ConformanceReplayIT checks against the recordings
            long id = json2.model("res.partner").create(Map.of("name", "Via " + transport));
            assertThat(partners.write(List.of(id), Map.of("email", "x@example.com"))).isTrue();
            assertThat(partners.read(List.of(id), List.of("name", "email")))
                    .singleElement().satisfies(r -> assertThat(r.getString("email")).isEqualTo("x@example.com"));
            assertThat(partners.unlink(List.of(id))).isTrue();
            assertThatThrownBy(() -> partners.write(List.of(id), Map.of("name", "gone")))
                    .isInstanceOf(MissingRecordException.class);
            assertThatThrownBy(() -> admin.model("no.such.model").searchCount(Domains.all()))
                    .isInstanceOf(UnknownModelException.class);
            long company = fake.data().orElseThrow().companyId();
            assertThatThrownBy(() -> demo.model("res.company").write(List.of(company), Map.of("name", "Hacked")))
                    .isInstanceOf(AccessErrorException.class);
        }
    }

    @Test
    void wrongPasswordIsAccessDenied(FakeOdoo fake) {
        var config = fake.config(Transport.XMLRPC, FakeOdoo.ADMIN).toBuilder().secret("wrong").build();
        try (OdooClient client = dev.odoobridge.client.OdooClients.create(config)) {
            assertThatThrownBy(() -> client.model("res.partner").searchCount(Domains.all()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
