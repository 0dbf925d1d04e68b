package dev.odoobridge.vendors.restock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.vendors.OdooVendorGateway;
import dev.odoobridge.vendors.export.ExportFormat;
import dev.odoobridge.vendors.export.ReportMailer;
import dev.odoobridge.vendors.export.VendorStockReport;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everything odoo-bridge writes to Odoo — the vendor's code mail, a mailed stock report (attachment and mail, then
 * sent), a restock proposal as a draft purchase order with its lines — over every transport of every version,
 * against a FakeOdoo that binds arguments like the real {@code call_kw} (a create's records are positional over
 * XML-RPC and JSON-RPC; a named {@code vals_list} is refused there) and answers {@code mail.mail.send} with None
 * like Odoo does.
 */
class WritesOverEveryTransportIT {

    @ParameterizedTest(name = "Odoo {0} over {1}")
    @CsvSource({"17.0, XMLRPC", "17.0, JSONRPC", "18.0, XMLRPC", "18.0, JSONRPC", "19.0, XMLRPC", "19.0, JSONRPC",
        "19.0, JSON2"})
    void codeMailsReportMailsAndPurchaseOrdersAreWritten(String version, Transport transport) {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).products(10).seed(5).build().start();
             OdooClient odoo = fake.client(transport)) {
            RetailDataSummary data = fake.data().orElseThrow();
            long vendor = data.demoVendorId();

            new OdooVendorGateway(Map.of("shop", odoo)).send("shop", "orders@acme.example", "Your verification code",
                    "<p>Your code is 123456</p>");

            long mail = new ReportMailer(odoo).send(new VendorStockReport("orders@acme.example", Instant.now(), 120,
                    List.of()), ExportFormat.CSV, "orders@acme.example");
            assertThat(mail).isPositive();

            long product = data.productsByPattern().values().stream().flatMap(List::stream).findFirst().orElseThrow();
            RestockLine line = new RestockLine("shop", product, "Restocked product", 1, 0, 10, 0.5, 0, 2.5, 12,
                    "below threshold");
            RestockPlan plan = new RestockPlan(30, 120, Instant.now(),
                    List.of(new RestockOrder("shop", vendor, "Vendor", List.of(line))), List.of());
            List<CreatedOrder> created = new PurchaseOrderWriter(Map.of("shop", odoo)).create(plan);

            assertThat(created).hasSize(1);
            OdooRecord order = odoo.model("purchase.order").read(List.of(created.get(0).orderId()),
                    List.of("partner_id", "state", "origin")).get(0);
            assertThat(order.getRef("partner_id").id()).isEqualTo(vendor);
            assertThat(order.getString("state")).isEqualTo("draft");
            List<OdooRecord> lines = odoo.model("purchase.order.line").searchRead(
                    Domains.eq("order_id", created.get(0).orderId()), List.of("product_id", "product_qty"));
            assertThat(lines).singleElement().satisfies(l -> {
                assertThat(l.getRef("product_id").id()).isEqualTo(product);
                assertThat(l.getDouble("product_qty")).isEqualTo(12.0);
            });
        }
    }
}
