package dev.odoobridge.cli.command;

import dev.odoobridge.access.ApiKey;
import dev.odoobridge.access.ApiKeys;
import dev.odoobridge.access.CreatedApiKey;
import dev.odoobridge.access.NewApiKey;
import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** API keys of the apps reading the read model (read API, offline-sync feed): create, list, revoke. */
@Command(name = "apikey", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"Create, list and revoke the API keys apps use to read one source's data through the read API "
                + "and the offline-sync feed. A key is shown once, stored only as a hash, and can be limited to one "
                + "vendor's products and to some tables or resources.",
            "Revoking an unknown or already revoked key exits with 12."},
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
public final class ApiKeyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    private static ApiKeys keys(BridgeRuntime rt) {
        return ApiKeys.of(rt.stateDatabase());
    }

    /** {@code apikey create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an API key for one source and print it. The key is shown this once: store it "
                    + "in the app's secret store now."},
            footer = {"%nExamples:%n  odoo-bridge apikey create --source shop --label storefront",
                "  odoo-bridge apikey create --source shop --vendor 42 --tables products,stock --label acme-portal"})
    public static final class Create implements Runnable {
        @Mixin
        OneSource source;

        @Option(names = "--vendor", paramLabel = "PARTNER_ID",
                description = "Limit the key to the products of this vendor (a res.partner id of the source).")
        Long vendor;

        @Option(names = "--tables", split = ",", paramLabel = "NAME",
                description = "Limit the key to these tables or resources (comma-separated; default: all).")
        List<String> tables = new ArrayList<>();

        @Option(names = "--cors-origin", split = ",", paramLabel = "ORIGIN",
                description = "Browser origins (scheme://host[:port]) allowed to call with this key.")
        List<String> origins = new ArrayList<>();

        @Option(names = "--label", paramLabel = "TEXT", description = "Who or what the key is for.")
        String label = "";

        private final CommandContext ctx;

        /** A command over the context. */
        public Create(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            BridgeRuntime rt = ctx.runtime();
            String s = source.resolve(rt);
            NewApiKey request;
            try {
                NewApiKey.Builder b = NewApiKey.builder(s).resources(tables).corsOrigins(origins).label(label);
                if (vendor != null) {
                    b.vendor(vendor);
                }
                request = b.build();
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCode.USAGE, e.getMessage());
            }
            CreatedApiKey created = keys(rt).create(request);
            ApiKey k = created.key();
            PrintWriter out = ctx.console().out();
            out.println("Created API key " + k.id() + " for source " + k.source()
                    + k.vendorPartnerId().stream().mapToObj(v -> ", vendor partner " + v).findFirst().orElse("")
                    + (k.resources().isEmpty() ? "" : ", tables " + String.join(",", k.resources().stream().sorted().toList()))
                    + ".");
            out.println();
            out.println("  " + created.token());
            out.println();
            out.println("This key is shown only once and cannot be recovered: store it now. "
                    + "Revoke it with: odoo-bridge apikey revoke " + k.id());
            out.flush();
        }
    }

    /** {@code apikey list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the API keys (never their secrets), active and revoked.",
            footer = {"%nExample:%n  odoo-bridge apikey list --source shop"})
    public static final class ListKeys implements Runnable {
        @Option(names = "--source", paramLabel = "NAME", description = "Only this source's keys.")
        String source;

        private final CommandContext ctx;

        /** A command over the context. */
        public ListKeys(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            List<ApiKey> all = keys(ctx.runtime()).list().stream()
                    .filter(k -> source == null || k.source().equals(source)).toList();
            PrintWriter out = ctx.console().out();
            if (all.isEmpty()) {
                out.println(source == null ? "No API keys." : "No API keys for " + source + ".");
                out.flush();
                return;
            }
            Table t = new Table("id", "source", "vendor", "tables", "label", "created", "last used", "status");
            for (ApiKey k : all) {
                t.row(k.id(), k.source(),
                        k.vendorPartnerId().isPresent() ? String.valueOf(k.vendorPartnerId().getAsLong()) : "-",
                        k.resources().isEmpty() ? "all" : String.join(",", k.resources().stream().sorted().toList()),
                        k.label(), k.createdAt(), k.lastUsedAt().map(Object::toString).orElse("never"),
                        k.revokedAt().map(r -> "revoked " + r).orElse("active"));
            }
            t.print(out);
        }
    }

    /** {@code apikey revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revoke an API key: requests with it are refused (401) from now on "
                    + "(within 5 seconds in a serve process that already used it).",
                "Exit 12 when there is no such active key."},
            footer = {"%nExample:%n  odoo-bridge apikey revoke 3f2a9c01b7d4"})
    public static final class Revoke implements Runnable {
        @Parameters(paramLabel = "ID", description = "The key id (from `apikey list`).")
        String id;

        private final CommandContext ctx;

        /** A command over the context. */
        public Revoke(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (!keys(ctx.runtime()).revoke(id)) {
                throw new CliFailure(ExitCode.REJECTED, "no active API key with id " + id);
            }
            ctx.console().out().println("Revoked API key " + id + ".");
            ctx.console().out().flush();
        }
    }
}
