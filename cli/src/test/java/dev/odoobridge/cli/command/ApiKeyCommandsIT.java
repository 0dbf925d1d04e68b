package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.access.ApiKeys;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.sync.state.StateDatabase;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apikey create / list / revoke against the embedded PostgreSQL; the key printed once authenticates. */
class ApiKeyCommandsIT {
    private static final Pattern TOKEN = Pattern.compile("obk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");

    @TempDir
    static Path dir;
    static StateDatabase postgres;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        postgres = StateDatabase.embedded(dir.resolve("pg"));
        config = TestConfigs.write(dir, "odoo-bridge.yaml", "http://127.0.0.1:1", "unused", postgres.describe());
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return CliRun.of(all);
    }

    @Test
    void createPrintsTheKeyOnceAndItWorks() {
        CliRun r = run("apikey", "create", "--source", "shop", "--vendor", "42", "--tables", "products,stock",
                "--label", "acme portal");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Matcher m = TOKEN.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(r.out()).contains("shown only once").contains("vendor partner 42").contains("tables products,stock");
        String token = m.group();
        String id = m.group(1);

        var key = ApiKeys.of(postgres).authenticate(token).orElseThrow();
        assertThat(key.id()).isEqualTo(id);
        assertThat(key.scope().vendorPartnerId()).hasValue(42);
        assertThat(key.scope().resources()).containsExactlyInAnyOrder("products", "stock");

        CliRun list = run("apikey", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(id).contains("acme portal").contains("active").doesNotContain(token)
                .doesNotContain(token.substring(token.length() - 43));

        CliRun revoke = run("apikey", "revoke", id);
        assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
        assertThat(ApiKeys.of(postgres).authenticate(token)).isEmpty();
        assertThat(run("apikey", "list", "--source", "shop").out()).contains("revoked");

        CliRun again = run("apikey", "revoke", id);
        assertThat(again.exitCode()).isEqualTo(ExitCode.REJECTED.code());
        assertThat(again.err()).contains("no active API key with id " + id);
    }

    @Test
    void unknownSourceIsAConfigError() {
        CliRun r = run("apikey", "create", "--source", "elsewhere");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(r.out()).doesNotContain("obk_");
    }

    @Test
    void badOriginIsAUsageError() {
        CliRun r = run("apikey", "create", "--source", "shop", "--cors-origin", "https://x.example/path");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.out()).doesNotContain("obk_");
    }
}
