package dev.odoobridge.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.FakeOdooTest;
import org.junit.jupiter.api.Test;

@FakeOdooTest(products = 20)
class QuickStartIT {

    @Test
    void runsAgainstFakeOdoo(FakeOdoo fake) {
        String log = QuickStart.run(fake.url(), fake.database(), FakeOdoo.ADMIN, FakeOdoo.ADMIN);

        assertThat(log).startsWith("Odoo 19").contains(", uid 2").contains("vendor ")
                .contains("with 1 contact, email hello@quickstart.example").contains("refused: ").contains("deleted ");
    }
}
