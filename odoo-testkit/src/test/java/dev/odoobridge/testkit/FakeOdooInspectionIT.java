package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.Transport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a test can see of the store: records, counts, schemas and sent mails, without reaching into internals. */
class FakeOdooInspectionIT {

    @Test
    void recordsAndCountsShowWhatClientsWroteArchivedIncluded() {
        try (FakeOdoo fake = FakeOdoo.builder().build().start();
             OdooClient odoo = fake.client(Transport.JSON2)) {
            int before = fake.count("res.partner");
            long kept = odoo.model("res.partner").create(Map.of("name", "Kept", "city", "Namur"));
            long archived = odoo.model("res.partner").create(Map.of("name", "Archived"));
            odoo.model("res.partner").write(List.of(archived), Map.of("active", false));

            assertThat(fake.count("res.partner")).isEqualTo(before + 2);
            List<Map<String, Object>> rows = fake.records("res.partner", List.of("name", "city", "active"));
            assertThat(rows).hasSize(before + 2);
            assertThat(rows.get(rows.size() - 2)).containsEntry("id", (int) kept).containsEntry("city", "Namur")
                    .containsEntry("active", true);
            assertThat(rows.get(rows.size() - 1)).containsEntry("id", (int) archived).containsEntry("city", false)
                    .containsEntry("active", false);
        }
    }

    @Test
    void schemaIsTheServersFieldsGetAndUnknownNamesAreRefused() {
        try (FakeOdoo fake = FakeOdoo.builder().version("17.0").build()) {
            assertThat(fake.schema("product.product").field("list_price")).isPresent();
            assertThat(fake.schema("product.product").field("no_such_field")).isEmpty();
            assertThatThrownBy(() -> fake.records("no.such.model", List.of("name")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> fake.records("res.partner", List.of("no_such_field")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sentMailsListsWhatMailSendDelivered() {
        try (FakeOdoo fake = FakeOdoo.builder().build().start();
             OdooClient odoo = fake.client(Transport.XMLRPC)) {
            assertThat(fake.sentMails()).isEmpty();
            long mail = odoo.model("mail.mail").create(Map.of("subject", "Your code", "email_to", "v@example.com",
                    "body_html", "<p>123456</p>"));
            odoo.model("mail.mail").call("send", List.of(mail), Map.of());
            assertThat(fake.sentMails()).singleElement()
                    .satisfies(m -> assertThat(m).containsEntry("subject", "Your code")
                            .containsEntry("email_to", "v@example.com"));
        }
    }
}
