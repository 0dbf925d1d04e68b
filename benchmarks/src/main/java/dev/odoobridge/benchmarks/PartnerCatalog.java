package dev.odoobridge.benchmarks;

import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RecordSink;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data set every sync benchmark uses: {@code res.partner} records with realistic field
 * values and write dates a given number per second (4 by default; a real CSV import in
 * transactions of 500 puts 500 in each second, all with the transaction's one write_date), the
 * last one well before the overlap window, so an incremental run reads only what changed afterwards.
 */
public final class PartnerCatalog {
    /** The model synced. */
    public static final String MODEL = "res.partner";
    /** The fields synced (besides id and write_date). */
    public static final List<String> FIELDS = List.of("name", "email", "phone", "ref", "is_company",
            "customer_rank", "supplier_rank", "street", "city", "active");
    /** The projection of {@link #MODEL} into the {@code res_partner} collection. */
    public static final Projection PROJECTION = new Projection(MODEL, "res_partner", FIELDS);

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private PartnerCatalog() {
    }

    /** Inserts {@code count} partners, 4 per second of write_date; see {@link #load(FakeOdoo, int, int)}. */
    public static double load(FakeOdoo odoo, int count) {
        return load(odoo, count, 4);
    }

    /**
     * Inserts {@code count} partners, {@code perSecond} in each second of write_date (one import
     * transaction each: the same write_date to the microsecond); the first second lies
     * {@code count / perSecond} seconds and a day in the past.
     *
     * @return the seconds it took
     */
    public static double load(FakeOdoo odoo, int count, int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be >= 1, got " + perSecond);
        }
        RecordSink orm = odoo.orm();
        long start = System.nanoTime();
        Instant first = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(count / perSecond + 86_400L, ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", "Partner " + i);
            v.put("email", "partner" + i + "@example.com");
            v.put("phone", "+32 2 555 " + (1000 + i % 9000));
            v.put("ref", "C" + i);
            v.put("is_company", i % 7 == 0);
            v.put("customer_rank", i % 5);
            v.put("supplier_rank", i % 11 == 0 ? 1 : 0);
            v.put("street", i + " Rue de la Loi");
            v.put("city", i % 2 == 0 ? "Brussels" : "Ghent");
            v.put("active", i % 50 != 0);
            String when = WIRE.format(first.plusSeconds(i / perSecond));
            v.put("create_date", when);
            v.put("write_date", when);
            orm.insert(MODEL, v);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
