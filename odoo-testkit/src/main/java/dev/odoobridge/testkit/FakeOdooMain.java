package dev.odoobridge.testkit;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs FakeOdoo standalone until killed: {@code --port N} (default 8069), {@code --seed N},
 * {@code --products N} (default 200), {@code --database NAME} (default {@code odoo}). Prints the
 * URL, database, admin login and an admin API key.
 */
public final class FakeOdooMain {
    private FakeOdooMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        FakeOdoo.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("fake-odoo: " + e.getMessage());
            System.err.println("usage: FakeOdooMain [--port N] [--seed N] [--products N] [--database NAME]");
            System.exit(2);
            return;
        }
        FakeOdoo fake = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-odoo-shutdown"));
        print(fake, System.out);
        new CountDownLatch(1).await();
    }

    static FakeOdoo.Builder parse(String[] args) {
        FakeOdoo.Builder builder = FakeOdoo.builder().port(8069).products(200);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--port" -> builder.port(Integer.parseInt(value));
                    case "--seed" -> builder.seed(Long.parseLong(value));
                    case "--products" -> builder.products(Integer.parseInt(value));
                    case "--database" -> builder.database(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got '" + value + "'", e);
            }
        }
        return builder;
    }

    static void print(FakeOdoo fake, PrintStream out) {
        out.println("FakeOdoo (Odoo 19.0) listening on " + fake.url());
        out.println("database: " + fake.database());
        out.println("admin login: " + FakeOdoo.ADMIN + " / password: " + FakeOdoo.ADMIN);
        out.println("admin API key: " + fake.apiKey(FakeOdoo.ADMIN));
        out.flush();
    }
}
