package dev.odoobridge.examples.crud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.testkit.FakeOdooTest;
import org.junit.jupiter.api.Test;

@FakeOdooTest
class CrudExampleIT {

    @Test
    void createsReadsSearchesUpdatesAndDeletes(OdooClient odoo) {
        long partnersBefore = odoo.model("res.partner").searchCount(Domains.all());

        String log = CrudExample.run(odoo);

        assertThat(log).contains("vendor Crud Example Supplies has 2 contacts, parent null, phone null")
                .contains("search found [Crud Example Supplies]")
                .contains("products supplied by the vendor: 1")
                .contains("contacts after the x2many commands: [Ann Orders (lead), Cleo Logistics]")
                .contains("deleted; vendor still there: false");
        assertThat(odoo.model("res.partner").searchCount(Domains.all())).isEqualTo(partnersBefore);
    }
}
