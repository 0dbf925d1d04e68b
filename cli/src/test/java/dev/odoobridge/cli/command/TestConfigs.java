package dev.odoobridge.cli.command;

import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataGenerator;
import java.time.Instant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes configuration files for the command tests. */
final class TestConfigs {
    static final String TOKEN = "tok-0123456789abcdef";
    static final String MODELS = "[res.partner, product.category, product.template, product.product, "
            + "product.supplierinfo, stock.warehouse, stock.location, stock.lot, stock.quant, sale.order, "
            + "sale.order.line]";

    private TestConfigs() {
    }

    /** The models the vendor reports and restock proposals read, plus the sales for the shop reports. */
    static final String VENDOR_MODELS = "[res.partner, product.template, product.product, product.supplierinfo, "
            + "stock.warehouse, stock.location, stock.lot, stock.quant, stock.move, stock.warehouse.orderpoint, "
            + "sale.order, sale.order.line, purchase.order, purchase.order.line]";

    static Path write(Path dir, String name, String odooUrl, String secret, String jdbcUrl) throws IOException {
        return write(dir, name, odooUrl, secret, jdbcUrl, MODELS, null);
    }

    /** A configuration syncing {@code models}; {@code mongoUri} null for the embedded store under the data dir. */
    static Path write(Path dir, String name, String odooUrl, String secret, String jdbcUrl, String models,
                      String mongoUri) throws IOException {
        String yaml = "sources:\n"
                + "  shop:\n"
                + "    url: " + odooUrl + "\n"
                + "    database: odoo\n"
                + "    login: " + FakeOdoo.ADMIN + "\n"
                + "    secret: " + secret + "\n"
                + "    timeout: 20s\n"
                + "    webhook-token: " + TOKEN + "\n"
                + "postgres:\n"
                + "  url: " + jdbcUrl + "\n"
                + "  user: postgres\n"
                + "mongodb:\n"
                + (mongoUri == null ? "" : "  uri: " + mongoUri + "\n")
                + "  database: clitest\n"
                + "sync:\n"
                + "  models: " + models + "\n"
                + "  page-size: 200\n"
                + "vendor:\n"
                + "  otp-secret: test-secret-0123456789\n"
                + "webhook:\n"
                + "  port: 0\n"
                + "data-dir: " + dir.resolve("data") + "\n";
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    /**
     * A FakeOdoo with a small generated shop: {@code products} products, 40 customers, 30 days of
     * history and at most 400 sale lines, so that a full sync stays in seconds.
     */
    static FakeOdoo smallShop(int products, long seed) {
        Instant now = Instant.now();
        return FakeOdoo.builder().seed(seed).data(sink -> RetailDataGenerator.builder().seed(seed).products(products)
                .vendors(4).customers(40).days(30).maxSaleLines(400).now(now).build().generate(sink)).build().start();
    }
}
