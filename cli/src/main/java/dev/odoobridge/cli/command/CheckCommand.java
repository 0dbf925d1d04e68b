package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.schema.FeatureState;
import dev.odoobridge.sync.schema.SourceSchema;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Checks every configured Odoo source, MongoDB and PostgreSQL and says what to fix. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that every configured Odoo is reachable (version, login, read access to each synced "
                + "model, the fields the sync needs), and that MongoDB and PostgreSQL answer. Prints a checklist; "
                + "each failure says what to do, and per source which features are on or off and why.",
            "The exit code is the one of the worst failure (Odoo unreachable > authentication > PostgreSQL > "
                + "MongoDB > Odoo refusal)."},
        footer = {"%nExample:%n  odoo-bridge check --config /etc/odoo-bridge.yaml"})
public final class CheckCommand implements Callable<Integer> {
    private static final List<ExitCode> SEVERITY = List.of(ExitCode.CONFIG, ExitCode.ODOO_UNREACHABLE,
            ExitCode.AUTH_FAILED, ExitCode.POSTGRES_UNAVAILABLE, ExitCode.MONGODB_UNAVAILABLE, ExitCode.ODOO_ERROR);

    private final CommandContext ctx;
    private ExitCode worst = ExitCode.OK;
    private int failures;

    /** A command over the context. */
    public CheckCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        BridgeRuntime rt = ctx.runtime();
        PrintWriter out = ctx.console().out();
        for (String source : rt.sourceNames()) {
            checkSource(rt, source, out);
        }
        try {
            String first = rt.sourceNames().get(0);
            long max = rt.readModel().projector().maxId(first, rt.config().sync().models().get(0));
            ok(out, "MongoDB: " + rt.readModel().describe() + " answers (highest synced id " + max + ")");
        } catch (RuntimeException e) {
            fail(out, "MongoDB", e);
        }
        try {
            int version = rt.stateDatabase().schemaVersion();
            ok(out, "PostgreSQL: " + rt.stateDatabase().describe() + " answers (schema version " + version + ")");
        } catch (RuntimeException e) {
            fail(out, "PostgreSQL", e);
        }
        out.println(failures == 0 ? "All checks passed." : failures + " check(s) failed.");
        out.flush();
        return worst.code();
    }

    private void checkSource(BridgeRuntime rt, String source, PrintWriter out) {
        String url = rt.source(source).url();
        OdooClient client;
        try {
            client = rt.odoo(source);
            ServerVersion v = client.version();
            ok(out, source + ": " + url + " reachable (Odoo " + v.serverVersion() + ")");
        } catch (RuntimeException e) {
            fail(out, source + ": " + url, e);
            return;
        }
        try {
            int uid = client.authenticate();
            ok(out, source + ": logged in as " + rt.source(source).login() + " (uid " + uid + ") on database "
                    + rt.source(source).database());
        } catch (RuntimeException e) {
            fail(out, source + ": login " + rt.source(source).login(), e);
            return;
        }
        for (String model : rt.config().sync().models()) {
            try {
                long n = client.model(model).searchCount(Domains.all());
                ok(out, source + ": can read " + model + " (" + n + " records)");
            } catch (RuntimeException e) {
                fail(out, source + ": read " + model, e);
            }
        }
        checkSchema(rt, source, out);
    }

    /**
     * The server's schema of the synced models: a model that cannot be synced (a needed module or a
     * configured field missing) is a failure; optional fields the server lacks are listed; each feature
     * is on or off with what to do.
     */
    private void checkSchema(BridgeRuntime rt, String source, PrintWriter out) {
        SourceSchema schema;
        try {
            schema = rt.serverSchemas().refresh(source);
        } catch (RuntimeException e) {
            fail(out, source + ": read the schema (fields_get) of the synced models", e);
            return;
        }
        schema.problems().forEach((model, problem) -> fail(out, source + ": sync " + model, problem));
        schema.models().values().stream().filter(m -> !m.notOnServer().isEmpty()).forEach(m ->
                out.println("· " + source + ": " + m.model() + " has no " + String.join(", ", m.notOnServer())
                        + " on this server (not synced)"));
        for (FeatureState f : schema.features()) {
            out.println((f.on() ? "✓ " : "· ") + source + ": " + f.describe());
        }
    }

    private static void ok(PrintWriter out, String line) {
        out.println("✓ " + line);
    }

    private void fail(PrintWriter out, String what, RuntimeException e) {
        CommandContext.Explained x = ctx.explain(e);
        out.println("✗ " + what + ": " + x.message());
        if (x.hint() != null) {
            out.println("    → " + x.hint());
        }
        failures++;
        int rank = SEVERITY.indexOf(x.code());
        int current = SEVERITY.indexOf(worst);
        if (worst == ExitCode.OK || (rank >= 0 && (current < 0 || rank < current))) {
            worst = x.code();
        }
    }
}
