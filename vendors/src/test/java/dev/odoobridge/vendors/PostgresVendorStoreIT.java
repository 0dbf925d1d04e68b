package dev.odoobridge.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.sync.state.SharedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL (the embedded server shared by the test JVM). */
class PostgresVendorStoreIT extends VendorStoreContract {
    private final VendorStore store = VendorStores.postgres(SharedPostgres.database());

    @Override
    VendorStore store() {
        return store;
    }

    @Test
    void auditRowsAreWritten() throws Exception {
        store.audit(vendor, source, 7L, "challenge_sent", "to o***@acme.example", T0);
        try (Connection c = SharedPostgres.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event, detail, partner_id FROM vendor_audit WHERE vendor = '"
                     + vendor + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("challenge_sent");
            assertThat(rs.getString(2)).isEqualTo("to o***@acme.example");
            assertThat(rs.getLong(3)).isEqualTo(7);
            assertThat(rs.next()).isFalse();
        }
    }
}
