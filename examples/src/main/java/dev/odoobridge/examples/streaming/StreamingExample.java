package dev.odoobridge.examples.streaming;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Streams every done stock move page by page ({@link dev.odoobridge.client.ModelHandle#stream})
 * and sums the quantity shipped per month, holding one page in memory at a time however large
 * the model is. Close the stream (try-with-resources) to stop early.
 */
public final class StreamingExample {
    /** Records per call; large pages mean fewer round trips, small ones less memory. */
    public static final int PAGE_SIZE = 500;

    private StreamingExample() {
    }

    /**
     * Shipped quantity per month ({@code "YYYY-MM"}) over the done moves into customer locations.
     *
     * @param odoo the client
     */
    public static Map<String, Double> shippedPerMonth(OdooClient odoo) {
        Objects.requireNonNull(odoo, "odoo == null");
        Map<String, Double> perMonth = new TreeMap<>();
        try (Stream<OdooRecord> moves = odoo.model("stock.move").stream(
                Domains.and(Domains.eq("state", "done"), Domains.eq("location_dest_id.usage", "customer")),
                List.of("date", "quantity"), PAGE_SIZE)) {
            moves.forEach(m -> perMonth.merge(m.getString("date").substring(0, 7), m.getDouble("quantity"), Double::sum));
        }
        return perMonth;
    }

    /** {@code StreamingExample <url> <database> <login> <password-or-api-key>}. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: StreamingExample <url> <database> <login> <password-or-api-key>");
            System.exit(2);
        }
        OdooConfig config = OdooConfig.builder().url(args[0]).database(args[1]).login(args[2]).secret(args[3]).build();
        try (OdooClient odoo = OdooClients.create(config)) {
            shippedPerMonth(odoo).forEach((month, qty) -> System.out.printf("%s %12.1f%n", month, qty));
        }
    }
}
