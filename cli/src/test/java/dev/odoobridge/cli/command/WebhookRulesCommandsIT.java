package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.WebhookTrigger;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** webhook install / uninstall / status against FakeOdoo: dry runs, masking, exit codes. */
class WebhookRulesCommandsIT {
    static final String PUBLIC = "https://bridge.example.com";
    static final String MASKED = PUBLIC + "/webhook/shop/tok-****ef";

    @TempDir
    Path dir;
    FakeOdoo odoo;

    @AfterEach
    void stop() {
        if (odoo != null) {
            odoo.close();
        }
    }

    private Path config(String url, String login, String secret, String webhookSection) throws IOException {
        String yaml = "sources:\n"
                + "  shop:\n"
                + "    url: " + url + "\n"
                + "    database: odoo\n"
                + "    login: " + login + "\n"
                + "    secret: " + secret + "\n"
                + "    timeout: 5s\n"
                + "    webhook-token: " + TestConfigs.TOKEN + "\n"
                + "sync:\n"
                + "  models: [res.partner, stock.quant]\n"
                + webhookSection
                + "data-dir: " + dir.resolve("data") + "\n";
        Path file = dir.resolve("odoo-bridge.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Path adminConfig(String version) throws IOException {
        odoo = FakeOdoo.builder().version(version).build().start();
        return config(odoo.url(), FakeOdoo.ADMIN, odoo.apiKey(FakeOdoo.ADMIN), "webhook:\n  public-url: " + PUBLIC + "\n");
    }

    private static CliRun run(Path config, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return CliRun.of(all);
    }

    @Test
    void dryRunPrintsThePlanWithTheTokenMaskedAndChangesNothing() throws Exception {
        Path config = adminConfig("19.0");
        CliRun dry = run(config, "webhook", "install", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("shop (Odoo 19.0): rules posting to " + MASKED,
                "create  res.partner on_create_or_write -> " + MASKED,
                "create  res.partner on_unlink -> " + MASKED,
                "create  stock.quant on_create_or_write -> " + MASKED,
                "create  stock.quant on_unlink -> " + MASKED,
                "dry run: 4 changes planned, nothing changed");
        assertThat(dry.out() + dry.err()).doesNotContain(TestConfigs.TOKEN);
        assertThat(odoo.count("base.automation")).isZero();

        odoo.webhooks().addNamed("Notify my CRM", "res.partner", WebhookTrigger.UNLINK, "https://crm.example.com/h");
        CliRun installed = run(config, "webhook", "install");
        assertThat(installed.exitCode()).as(installed.toString()).isZero();
        assertThat(installed.out()).contains("4 changes applied").doesNotContain(TestConfigs.TOKEN);
        assertThat(odoo.count("base.automation")).isEqualTo(5);

        CliRun dryUninstall = run(config, "webhook", "uninstall", "--dry-run");
        assertThat(dryUninstall.exitCode()).as(dryUninstall.toString()).isZero();
        assertThat(dryUninstall.out()).contains("delete  res.partner on_unlink", "dry run: 4 rules would be deleted")
                .doesNotContain(TestConfigs.TOKEN);
        assertThat(odoo.count("base.automation")).isEqualTo(5);

        CliRun uninstalled = run(config, "webhook", "uninstall");
        assertThat(uninstalled.exitCode()).as(uninstalled.toString()).isZero();
        assertThat(uninstalled.out()).contains("4 rules deleted");
        assertThat(odoo.records("base.automation", List.of("name"))).extracting(r -> r.get("name"))
                .containsExactly("Notify my CRM");
    }

    @Test
    void statusExitsTenOnAProblemAndInstallRepairsIt() throws Exception {
        Path config = adminConfig("17.0");
        CliRun missing = run(config, "webhook", "status");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCode.DRIFT.code());
        assertThat(missing.out()).contains("! missing", "4 problems: `odoo-bridge webhook install --source shop` repairs them");

        assertThat(run(config, "webhook", "install").exitCode()).isZero();
        CliRun ok = run(config, "webhook", "status");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("all rules ok").doesNotContain("!").doesNotContain(TestConfigs.TOKEN);

        try (OdooClient admin = odoo.adminClient()) {
            long rule = admin.model("base.automation").search(Domains.eq("name", "odoo-bridge: stock.quant on_unlink"))
                    .get(0);
            admin.model("base.automation").write(List.of(rule), Map.of("active", false));
        }
        CliRun disabled = run(config, "webhook", "status", "--source", "shop");
        assertThat(disabled.exitCode()).as(disabled.toString()).isEqualTo(ExitCode.DRIFT.code());
        assertThat(disabled.out()).contains("! disabled", "stock.quant on_unlink: disabled (archived)", "1 problem:");

        CliRun repaired = run(config, "webhook", "install");
        assertThat(repaired.out()).contains("repair  stock.quant on_unlink", "[enable]", "1 change applied");
        CliRun again = run(config, "webhook", "install");
        assertThat(again.out()).contains("nothing to change: 4 rules in place");
        assertThat(run(config, "webhook", "status").exitCode()).isZero();
    }

    @Test
    void unreachableOdooExitsFourNamingTheSource() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path config = config("http://127.0.0.1:" + closed, FakeOdoo.ADMIN, "admin",
                "webhook:\n  public-url: " + PUBLIC + "\n");
        for (String command : List.of("install", "uninstall", "status")) {
            CliRun r = run(config, "webhook", command);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.ODOO_UNREACHABLE.code());
            assertThat(r.err()).contains("cannot reach the Odoo of source 'shop' at http://127.0.0.1:" + closed);
        }
    }

    @Test
    void aUserWhoMayNotChangeRulesExitsSixWithOdoosMessage() throws Exception {
        odoo = FakeOdoo.builder().version("18.0").build().start();
        Path config = config(odoo.url(), FakeOdoo.DEMO, odoo.apiKey(FakeOdoo.DEMO),
                "webhook:\n  public-url: " + PUBLIC + "\n");
        CliRun r = run(config, "webhook", "install");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.ODOO_ERROR.code());
        assertThat(r.err()).contains("the Odoo of source 'shop' refused: base.automation.create: You are not allowed to create 'Automation Rule'"
                + " (base.automation) records.", "Administration/Settings", "use an administrator's login");
        assertThat(r.out() + r.err()).doesNotContain(TestConfigs.TOKEN);
        assertThat(odoo.count("base.automation")).isZero();
        // reading is allowed: status works and reports what is missing
        assertThat(run(config, "webhook", "status").exitCode()).isEqualTo(ExitCode.DRIFT.code());
    }

    @Test
    void aMissingPublicUrlOrTokenIsAConfigErrorSayingWhatToAdd() throws Exception {
        odoo = FakeOdoo.builder().build().start();
        CliRun noUrl = run(config(odoo.url(), FakeOdoo.ADMIN, "admin", ""), "webhook", "install", "--dry-run");
        assertThat(noUrl.exitCode()).as(noUrl.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(noUrl.err()).contains("webhook.public-url is not set", "public-url: https://bridge.example.com");

        Path noToken = config(odoo.url(), FakeOdoo.ADMIN, "admin", "webhook:\n  public-url: " + PUBLIC + "\n");
        Files.writeString(noToken, Files.readString(noToken).replace("    webhook-token: " + TestConfigs.TOKEN + "\n", ""));
        CliRun r = run(noToken, "webhook", "status");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(r.err()).contains("source 'shop' has no webhook-token", "webhook-token: ${SHOP_WEBHOOK_TOKEN}");

        CliRun relative = run(config(odoo.url(), FakeOdoo.ADMIN, "admin", "webhook:\n  public-url: /hooks\n"),
                "webhook", "status");
        assertThat(relative.exitCode()).as(relative.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(relative.err()).contains("webhook.public-url (line 12)", "/hooks");
        assertThat(odoo.count("base.automation")).isZero();
    }
}
