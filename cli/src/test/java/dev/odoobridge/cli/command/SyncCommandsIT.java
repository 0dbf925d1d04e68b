package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.config.ConfigLoader;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** check, sync run / status / verify / reset against FakeOdoo, embedded PostgreSQL and the embedded MongoDB store. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncCommandsIT {
    @TempDir
    static Path dir;
    static FakeOdoo odoo;
    static StateDatabase postgres;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        odoo = TestConfigs.smallShop(30, 7);
        postgres = StateDatabase.embedded(dir.resolve("pg"));
        config = TestConfigs.write(dir, "odoo-bridge.yaml", odoo.url(), FakeOdoo.ADMIN, postgres.describe());
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
        if (odoo != null) {
            odoo.close();
        }
    }

    @Test
    @Order(1)
    void checkPassesEverything() {
        CliRun r = CliRun.of("check", "--config", config.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("✓ shop: " + odoo.url()).contains("can read product.product (")
                .contains("✓ MongoDB").contains("✓ PostgreSQL").contains("All checks passed.").doesNotContain("✗")
                .contains("shop: near-expiry alerts: ").contains("shop: reordering quantity multiples: ");
    }

    @Test
    void anExtraFieldTheServerLacksIsAConfigErrorNamingFieldAndModel() throws Exception {
        Path extra = dir.resolve("extra-fields.yaml");
        java.nio.file.Files.writeString(extra, java.nio.file.Files.readString(config).replace("  page-size: 200\n",
                "  page-size: 200\n  extra-fields:\n    product.product: [x_no_such_field]\n"));
        CliRun check = CliRun.of("check", "--config", extra.toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(check.out()).contains("✗ shop: sync product.product").contains("x_no_such_field")
                .contains("sync.extra-fields.product.product");
        CliRun sync = CliRun.of("sync", "run", "--model", "product.product", "--config", extra.toString());
        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(sync.err()).contains("x_no_such_field").contains("product.product");
    }

    @Test
    @Order(3)
    void benchSyncTimesAFullSyncNextToTheBareReadOfTheSamePages() {
        CliRun bench = CliRun.of("bench", "--sync", "--model", "product.product", "--config", config.toString());
        assertThat(bench.exitCode()).as(bench.toString()).isZero();
        assertThat(bench.out()).contains("bench --sync shop product.product: full sync, pages of 200")
                .contains("transport XMLRPC").contains("full sync (ok)").contains("bare read, same pages and fields")
                .containsPattern("ratio full sync / bare read: \\d+\\.\\d\\d×")
                .containsPattern("read amplification: (\\d+) records read / \\1 records synced = 1\\.000");

        CliRun notSynced = CliRun.of("bench", "--sync", "--model", "res.country", "--config", config.toString());
        assertThat(notSynced.exitCode()).as(notSynced.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(notSynced.err()).contains("res.country is not a synced model");
    }

    @Test
    @Order(2)
    void fullSyncThenVerifyIsClean() {
        CliRun run = CliRun.of("sync", "run", "--full", "--config", config.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("product.product").contains("ok: 11 models");
        assertThat(run.err()).contains("sync shop product.product");

        CliRun verify = CliRun.of("sync", "verify", "--sample", "10", "--config", config.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("No drift.");

        CliRun status = CliRun.of("sync", "status", "--config", config.toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Checkpoints:").contains("shop    product.product").contains("Last runs:");
    }

    @Test
    @Order(3)
    void deletedDocumentIsDriftAndIncrementalReconcileRepairsIt() {
        try (BridgeRuntime rt = new BridgeRuntime(ConfigLoader.fromSystemEnv().load(config))) {
            long id = rt.readModel().projector().maxId("shop", "res.partner");
            assertThat(rt.readModel().projector().delete("shop", "res.partner", List.of(id))).isEqualTo(1);
        }
        CliRun verify = CliRun.of("sync", "verify", "--model", "res.partner", "--config", config.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCode.DRIFT.code());
        assertThat(verify.out()).contains("✗ shop res.partner").contains("missing in MongoDB").contains("Drift found");

        CliRun repair = CliRun.of("sync", "run", "--model", "res.partner", "--reconcile", "--config", config.toString());
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(CliRun.of("sync", "verify", "--model", "res.partner", "--config", config.toString()).exitCode()).isZero();
    }

    @Test
    @Order(3)
    void rebuildStockRecomputesTheViewsWithTheSameNumbers() {
        List<dev.odoobridge.readmodel.report.StockOverview> before = new java.util.ArrayList<>();
        dev.odoobridge.readmodel.report.SourceScope shop = dev.odoobridge.readmodel.report.SourceScope.of("shop");
        try (BridgeRuntime rt = new BridgeRuntime(ConfigLoader.fromSystemEnv().load(config))) {
            before.add(rt.readModel().reports().stockOverview(shop, 120));
        }
        assertThat(before.get(0).products()).isNotEmpty();
        CliRun rebuild = CliRun.of("sync", "rebuild-stock", "--config", config.toString());
        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        assertThat(rebuild.out()).containsPattern("Rebuilt the stock views of shop: [1-9][0-9]* product\\(s\\)");
        try (BridgeRuntime rt = new BridgeRuntime(ConfigLoader.fromSystemEnv().load(config))) {
            assertThat(rt.readModel().reports().stockOverview(shop, 120)).isEqualTo(before.get(0));
        }
        CliRun unknown = CliRun.of("sync", "rebuild-stock", "--source", "nope", "--config", config.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(unknown.err()).contains("unknown source 'nope'");
    }

    @Test
    @Order(4)
    void resetNeedsConfirmationThenForgetsTheModel() {
        CliRun refused = CliRun.of("sync", "reset", "--source", "shop", "--model", "stock.lot", "--config", config.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err()).contains("pass --yes");

        CliRun reset = CliRun.of("sync", "reset", "--source", "shop", "--model", "stock.lot", "--yes", "--config", config.toString());
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.out()).contains("Reset shop stock.lot: checkpoint removed");
    }

    @Test
    void unknownModelAndSourceAreUsageOrConfigErrors() {
        CliRun model = CliRun.of("sync", "run", "--model", "no.such", "--config", config.toString());
        assertThat(model.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(model.err()).contains("model 'no.such' is not synced");
        CliRun source = CliRun.of("sync", "verify", "--source", "nope", "--config", config.toString());
        assertThat(source.exitCode()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(source.err()).contains("unknown source 'nope'; configured sources: shop");
    }

    @Test
    void wrongPasswordIsAuthFailure() throws Exception {
        Path bad = TestConfigs.write(dir, "bad-password.yaml", odoo.url(), "wrong", postgres.describe());
        CliRun r = CliRun.of("check", "--config", bad.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.AUTH_FAILED.code());
        assertThat(r.out()).contains("✗ shop: login admin");
        CliRun sync = CliRun.of("sync", "run", "--model", "res.partner", "--config", bad.toString());
        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(ExitCode.AUTH_FAILED.code());
        assertThat(sync.err()).contains("error:").doesNotContain("\tat ");
    }

    @Test
    void odooDownIsUnreachable() throws Exception {
        int freePort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        Path down = TestConfigs.write(dir, "down.yaml", "http://127.0.0.1:" + freePort, "admin", postgres.describe());
        CliRun r = CliRun.of("check", "--config", down.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.ODOO_UNREACHABLE.code());
        CliRun sync = CliRun.of("sync", "run", "--model", "res.partner", "--config", down.toString());
        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(ExitCode.ODOO_UNREACHABLE.code());
        assertThat(sync.err()).contains("error: cannot talk to Odoo").contains("hint:").doesNotContain("\tat ");
    }
}
