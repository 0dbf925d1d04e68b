package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.cli.Cli;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** models, codegen, bench and fake-odoo against FakeOdoo; MongoDB and PostgreSQL unreachable. */
class ToolCommandsIT {
    @TempDir
    static Path dir;
    static FakeOdoo odoo;
    static StateDatabase postgres;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        odoo = TestConfigs.smallShop(20, 3);
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
    void modelsAndLiveCodegenReadTheServersMetadata() throws Exception {
        CliRun list = CliRun.of("models", "list", "--config", config.toString());
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("product.product").contains("stock.quant").contains("Inventory Locations");
        CliRun fields = CliRun.of("models", "fields", "product.product", "--config", config.toString());
        assertThat(fields.exitCode()).as(fields.toString()).isZero();
        assertThat(fields.out()).contains("product.product (").containsPattern("categ_id\\s+many2one\\s+product.category")
                .containsPattern("qty_available\\s+float\\s+\\S*\\s*readonly computed|qty_available\\s+float.*computed");
        Path live = dir.resolve("gen-live");
        CliRun gen = CliRun.of("codegen", "--models", "product.product,res.partner", "--package", "com.acme.odoo",
                "--out", live.toString(), "--config", config.toString());
        assertThat(gen.exitCode()).as(gen.toString()).isZero();
        assertThat(compile(javaFiles(live), dir.resolve("classes-live"))).as("javac diagnostics").isEmpty();

        CliRun unknown = CliRun.of("models", "fields", "no.such.model", "--config", config.toString());
        assertThat(unknown.exitCode()).as(unknown.toString()).isNotZero();
        assertThat(unknown.err()).contains("no.such.model").doesNotContain("\tat ");
    }

    @Test
    void codegenFromSavedFieldsGetJsonWritesCompilableClasses() throws Exception {
        Path json = Files.createDirectories(dir.resolve("fields-json"));
        Files.copy(recording("44-json2-product-fields_get.response.json"), json.resolve("product.product.json"));
        Path out = dir.resolve("gen-json");
        CliRun r = CliRun.of("codegen", "--models", "product.product", "--package", "com.acme.saved",
                "--out", out.toString(), "--from-json", json.toString(), "--config", dir.resolve("absent.yaml").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("file(s) written under " + out);
        List<Path> files = javaFiles(out);
        Path product = files.stream().filter(p -> p.endsWith("ProductProduct.java")).findFirst().orElseThrow();
        assertThat(Files.readString(product)).contains("package com.acme.saved").contains("\"product.product\"")
                .contains("default_code").contains("qty_available");
        assertThat(compile(files, dir.resolve("classes-json"))).as("javac diagnostics").isEmpty();

        CliRun missing = CliRun.of("codegen", "--models", "sale.order", "--package", "com.acme.saved",
                "--out", out.toString(), "--from-json", json.toString(), "--config", dir.resolve("absent.yaml").toString());
        assertThat(missing.exitCode()).as(missing.toString()).isNotZero();
        assertThat(missing.err()).contains("sale.order").doesNotContain("\tat ");
    }

    @Test
    void benchComparesTheClientWithABareXmlRpcRead() {
        CliRun xml = CliRun.of("bench", "--pages", "3", "--page-size", "5", "--fields", "name,default_code,list_price",
                "--config", config.toString());
        assertThat(xml.exitCode()).as(xml.toString()).isZero();
        assertThat(xml.out()).contains("transport XMLRPC").contains("odoo-bridge client").contains("bare HTTP")
                .contains("records/s").contains("p50 ms").contains("p99 ms").containsPattern("ratio client/bare: \\d+\\.\\d\\d×");
        assertThat(xml.out()).containsPattern("odoo-bridge client\\s+3\\s+15\\s")
                .containsPattern("bare HTTP \\(\\d+ (B|KiB)\\)\\s+3\\s+15\\s");

        CliRun none = CliRun.of("bench", "--pages", "0", "--config", config.toString());
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(none.err()).contains("--pages and --page-size must be at least 1");
    }

    @Test
    void fakeOdooRefusesAPaceItCannotRead() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("fake-odoo", "--port", "0", "--pace", "fast");
        assertThat(exit).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString()).contains("--pace / --workers: pace must be none, odoo19 or CALL_MS,RECORD_US (e.g. 15,68), got 'fast'")
                .doesNotContain("Exception");
    }

    @Test
    void fakeOdooRefusesAVersionItCannotPlay() {
        CliRun run = CliRun.of("fake-odoo", "--port", "0", "--odoo-version", "16.0");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--odoo-version: FakeOdoo plays Odoo 17.0, 18.0, 19.0, not '16.0'")
                .doesNotContain("Exception");
    }

    @Test
    void fakeOdooRefusesASchemaDirectoryItCannotRead() throws Exception {
        CliRun missing = CliRun.of("fake-odoo", "--port", "0", "--schema", dir.resolve("no-such-dir").toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(missing.err()).contains("--schema: schema directory").contains("does not exist")
                .doesNotContain("Exception");

        Path bad = Files.createDirectories(dir.resolve("bad-schema"));
        Files.writeString(bad.resolve("res.partner.json"), "{\"x_a\": {\"type\": \"vector\"}}");
        CliRun unknownType = CliRun.of("fake-odoo", "--port", "0", "--schema", bad.toString());
        assertThat(unknownType.exitCode()).as(unknownType.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknownType.err()).contains("field x_a has an unknown type 'vector'").doesNotContain("Exception");

        Files.writeString(bad.resolve("res.partner.json"), "{\"x_a\": ");
        CliRun malformed = CliRun.of("fake-odoo", "--port", "0", "--schema", bad.toString());
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(malformed.err()).contains("res.partner.json is not valid JSON").doesNotContain("Exception");
    }

    @Test
    void fakeOdooPrintsItsUrlAndStopsOnInterrupt() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("fake-odoo", "--port", "0", "--products", "5", "--seed", "1", "--pace", "0.5,1", "--workers", "3")),
                "fake-odoo-test");
        t.start();
        Pattern url = Pattern.compile("listening on (http://\\S+), database (\\S+)");
        Matcher m = url.matcher("");
        for (int i = 0; i < 300 && t.isAlive(); i++) {
            m = url.matcher(out.toString());
            if (m.find() && out.toString().contains("Stop with Ctrl-C.")) {
                break;
            }
            Thread.sleep(100);
        }
        try {
            assertThat(m.find(0)).as(out + "" + err).isTrue();
            assertThat(out.toString()).containsPattern("admin API key: [0-9a-f]{40}").contains("login: admin")
                    .contains("serving ORM calls at pace 0.5,1: 0.5 ms per call + 1 µs per record, 3 at once");
            try (OdooClient c = OdooClients.create(OdooConfig.builder().url(m.group(1)).database(m.group(2))
                    .login("admin").secret("admin").transport(Transport.XMLRPC).build())) {
                // the five stocked products, plus the two services and the consumable the generator always adds
                // (its archived product is left out of a search, as in Odoo)
                assertThat(c.model("product.product").searchCount(dev.odoobridge.client.domain.Domains.all())).isEqualTo(5 + 3);
            }
        } finally {
            t.interrupt();
            t.join(30_000);
        }
        assertThat(t.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(ExitCode.INTERRUPTED.code());
    }

    @Test
    void unreachableMongoDbIsExit7WithinSeconds() throws Exception {
        Path cfg = TestConfigs.write(dir, "mongo-down.yaml", odoo.url(), FakeOdoo.ADMIN, postgres.describe(),
                "[res.partner]", "mongodb://127.0.0.1:1");
        CliRun check = CliRun.of("check", "--config", cfg.toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.MONGODB_UNAVAILABLE.code());
        assertThat(check.out()).contains("✓ shop").contains("✓ PostgreSQL").contains("✗ MongoDB: MongoDB failed")
                .contains("→ check mongodb.uri");
    }

    @Test
    void unreachablePostgresIsExit8() throws Exception {
        Path cfg = TestConfigs.write(dir, "pg-down.yaml", odoo.url(), FakeOdoo.ADMIN, "jdbc:postgresql://127.0.0.1:1/none",
                "[res.partner]", null);
        CliRun check = CliRun.of("check", "--config", cfg.toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.POSTGRES_UNAVAILABLE.code());
        assertThat(check.out()).contains("✗ PostgreSQL: PostgreSQL failed").contains("→ check postgres.url");
        CliRun status = CliRun.of("sync", "status", "--config", cfg.toString());
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCode.POSTGRES_UNAVAILABLE.code());
        assertThat(status.err()).contains("error: PostgreSQL failed").doesNotContain("\tat ");
    }

    /** A file of the recorded Odoo 19 traffic at the repository root. */
    private static Path recording(String name) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("odoo-recordings").resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("odoo-recordings/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> javaFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    /** Compiles against the odoo-client classes; returns the error diagnostics. */
    private static List<String> compile(List<Path> files, Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(classes);
        String clientClasses = Path.of(OdooClient.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> errors = new ArrayList<>();
        try (var fm = javac.getStandardFileManager(null, null, null)) {
            var units = fm.getJavaFileObjectsFromPaths(files);
            boolean ok = javac.getTask(null, fm, d -> {
                if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                    errors.add(d.toString());
                }
            }, List.of("-classpath", clientClasses + File.pathSeparator, "-d", classes.toString(), "--release", "17"),
                    null, units).call();
            if (!ok && errors.isEmpty()) {
                errors.add("javac failed");
            }
        }
        return errors;
    }
}
