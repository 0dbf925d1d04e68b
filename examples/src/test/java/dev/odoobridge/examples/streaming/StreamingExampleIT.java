package dev.odoobridge.examples.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import java.util.List;
import java.util.Map;
import dev.odoobridge.testkit.FakeOdooTest;
import org.junit.jupiter.api.Test;

@FakeOdooTest(products = 25)
class StreamingExampleIT {

    @Test
    void sumsEveryShippedMoveAcrossPages(OdooClient odoo) {
        List<OdooRecord> all = odoo.model("stock.move").searchRead(
                Domains.and(Domains.eq("state", "done"), Domains.eq("location_dest_id.usage", "customer")),
                List.of("quantity"));
        assertThat(all.size()).as("the data must span several pages").isGreaterThan(StreamingExample.PAGE_SIZE);

        Map<String, Double> perMonth = StreamingExample.shippedPerMonth(odoo);

        double expected = all.stream().mapToDouble(r -> r.getDouble("quantity")).sum();
        assertThat(perMonth.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(perMonth.keySet()).allMatch(k -> k.matches("\\d{4}-\\d{2}")).hasSizeGreaterThan(1);
    }
}
