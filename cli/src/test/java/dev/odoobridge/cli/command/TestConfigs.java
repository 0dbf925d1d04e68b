package dev.odoobridge.cli.command;

import dev.odoobridge.testkit.FakeOdoo;
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

    static Path write(Path dir, String name, String odooUrl, String secret, String jdbcUrl) throws IOException {
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
                + "  database: clitest\n"
                + "sync:\n"
                + "  models: " + MODELS + "\n"
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
}
