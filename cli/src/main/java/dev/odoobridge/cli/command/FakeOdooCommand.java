package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.ServingPace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs FakeOdoo standalone with generated retail data. */
@Command(name = "fake-odoo", mixinStandardHelpOptions = true,
        description = {"Run FakeOdoo (an in-memory Odoo 17.0, 18.0 or 19.0 speaking XML-RPC, JSON-RPC and JSON-2, "
                + "with the fields of a real server of that version) with generated retail data until Ctrl-C, for "
                + "trying odoo-bridge without a real Odoo. Prints the URL, the logins and a configuration snippet."},
        footer = {"%nExamples:%n  odoo-bridge fake-odoo --port 8069 --products 200 --seed 42",
                "  odoo-bridge fake-odoo --odoo-version 17.0 --without product_expiry",
                "  odoo-bridge fake-odoo --modules product_expiry --schema ./odoo-schema   (custom fields saved by "
                        + "`codegen --save-json`)"})
public final class FakeOdooCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8069", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--products", paramLabel = "N", defaultValue = "200", description = "Products to generate (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--database", paramLabel = "NAME", defaultValue = "odoo", description = "Database name clients use (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--pace", paramLabel = "PACE", defaultValue = "none",
            description = {"How fast ORM calls are served: none (FakeOdoo's own speed, the default), odoo19 (the measured "
                    + "speed of a real Odoo 19 on 2 cores: 15 ms per call + 68 µs per record) or CALL_MS,RECORD_US, e.g. 15,68."})
    String pace;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2",
            description = "With a pace: calls served at once, like Odoo's worker processes (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--odoo-version", paramLabel = "VERSION", defaultValue = "19.0",
            description = "The Odoo version to play: 17.0, 18.0 or 19.0 (default: ${DEFAULT-VALUE}).")
    String odooVersion;

    @Option(names = "--modules", paramLabel = "MODULE", split = ",",
            description = "Install these modules too, e.g. product_expiry on 19.0 (lots with expiration dates).")
    List<String> modules = new ArrayList<>();

    @Option(names = "--without", paramLabel = "MODULE", split = ",",
            description = "Leave these modules out, e.g. product_expiry on 17.0 / 18.0 (recorded with it).")
    List<String> without = new ArrayList<>();

    @Option(names = "--schema", paramLabel = "DIR",
            description = {"A directory of saved fields_get answers (<model>.json, as `odoo-bridge codegen "
                    + "--save-json` writes them): their custom x_ fields and models are served too."})
    Path schema;

    private final CommandContext ctx;

    /** A command over the context. */
    public FakeOdooCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServingPace servingPace;
        try {
            servingPace = ServingPace.parse(pace, workers);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, "--pace / --workers: " + e.getMessage());
        }
        FakeOdoo.Builder builder;
        try {
            builder = FakeOdoo.builder().port(port).database(database).products(products).seed(seed).pace(servingPace)
                    .version(odooVersion).modules(modules.toArray(String[]::new))
                    .without(without.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, "--odoo-version: " + e.getMessage());
        }
        if (schema != null) {
            builder.schema(schema);
        }
        FakeOdoo built;
        try {
            built = builder.build();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, (schema != null ? "--schema: " : "") + e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "fake-odoo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (FakeOdoo fake = built.start()) {
            PrintWriter out = ctx.console().out();
            out.println("FakeOdoo (Odoo " + odooVersion + ") listening on " + fake.url() + ", database "
                    + fake.database());
            if (!servingPace.isNone()) {
                out.println("serving ORM calls at pace " + pace + ": " + servingPace.describe());
            }
            out.println("logins: admin/admin, demo/demo; admin API key: " + fake.apiKey(FakeOdoo.ADMIN));
            out.println("odoo-bridge.yaml:");
            out.println("  sources:");
            out.println("    fake:");
            out.println("      url: " + fake.url());
            out.println("      database: " + fake.database());
            out.println("      login: admin");
            out.println("      secret: admin");
            out.println("Stop with Ctrl-C.");
            out.flush();
            stop.await();
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                stop.countDown();
            }
        }
    }
}
