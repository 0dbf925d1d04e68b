package dev.odoobridge.sync.faults;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.testkit.RecordSink;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A deterministic partner data set, so a restarted FakeOdoo holds the same records under the same ids. */
final class Partners {
    static final String MODEL = "res.partner";
    static final List<String> FIELDS = List.of("name", "email", "city", "active");
    private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Partners() {
    }

    static void load(RecordSink orm, int count) {
        for (int i = 0; i < count; i++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", "Partner " + i);
            v.put("email", "p" + i + "@example.com");
            v.put("city", i % 2 == 0 ? "Brussels" : "Ghent");
            v.put("active", i % 10 != 0);
            String when = WIRE.format(BASE.plusSeconds(i / 4));
            v.put("create_date", when);
            v.put("write_date", when);
            orm.insert(MODEL, v);
        }
    }

    /** Two kinds of change while a server of the sync is down: an update of three partners and a new one. */
    static void changeOdoo(OdooClient odoo) {
        ModelHandle partners = odoo.model(MODEL);
        partners.write(List.of(5L, 250L, 599L), Map.of("city", "Antwerp"));
        partners.create(Map.of("name", "Created while the read model was down"));
    }
}
