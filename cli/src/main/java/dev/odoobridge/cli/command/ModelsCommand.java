package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.client.meta.FieldDefinition;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.meta.ModelDefinitions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Introspection of a live Odoo: models and their fields. */
@Command(name = "models", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Introspect a live Odoo: list its models, or the fields of one model.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Fields.class})
public final class ModelsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the models of the source's database.",
            footer = {"%nExample:%n  odoo-bridge models list --source shop"})
    public static final class ListModels implements Runnable {
        @Mixin
        OneSource source;

        private final CommandContext ctx;

        /** A command over the context. */
        public ListModels(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            String s = source.resolve(ctx.runtime());
            Map<String, String> models = ModelDefinitions.listModels(ctx.runtime().odoo(s));
            Table t = new Table("model", "name");
            models.forEach(t::row);
            t.print(ctx.console().out());
        }
    }

    /** {@code models fields MODEL}. */
    @Command(name = "fields", mixinStandardHelpOptions = true,
            description = "List the fields of a model (fields_get): name, type, relation, flags and label.",
            footer = {"%nExample:%n  odoo-bridge models fields product.product --source shop"})
    public static final class Fields implements Runnable {
        @Parameters(index = "0", paramLabel = "MODEL", description = "The model, e.g. product.product.")
        String model;

        @Mixin
        OneSource source;

        private final CommandContext ctx;

        /** A command over the context. */
        public Fields(CommandContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            String s = source.resolve(ctx.runtime());
            ModelDefinition def = liveDefinitions(ctx.runtime().odoo(s), List.of(model)).get(0);
            Table t = new Table("field", "type", "relation", "flags", "label");
            for (FieldDefinition f : def.fields().values()) {
                t.row(f.name(), f.type(), f.relation() == null ? "" : f.relation(), flags(f), f.label());
            }
            PrintWriter out = ctx.console().out();
            out.println(model + " (" + def.fields().size() + " fields)");
            t.print(out);
        }

        private static String flags(FieldDefinition f) {
            StringBuilder sb = new StringBuilder();
            if (f.required()) {
                sb.append("required ");
            }
            if (f.readonly()) {
                sb.append("readonly ");
            }
            if (!f.stored()) {
                sb.append("computed ");
            }
            return sb.toString().strip();
        }
    }

    /** Reads models' metadata from a live server; a model the server lacks is an Odoo refusal, not a bug. */
    static List<ModelDefinition> liveDefinitions(dev.odoobridge.client.OdooClient client, List<String> models) {
        try {
            return ModelDefinitions.fromServer(client, models);
        } catch (IllegalArgumentException unknown) {
            throw new dev.odoobridge.cli.CliFailure(dev.odoobridge.cli.ExitCode.ODOO_ERROR, unknown.getMessage());
        }
    }
}
