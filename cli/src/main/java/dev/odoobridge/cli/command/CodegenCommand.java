package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.client.codegen.CodeGenerator;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.meta.ModelDefinitions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates typed Java classes for Odoo models. */
@Command(name = "codegen", mixinStandardHelpOptions = true,
        description = {"Generate typed Java classes for Odoo models from a live Odoo (fields_get) or from saved "
                + "fields_get JSON files. Output files are marked \"generated — do not edit\"."},
        footer = {"%nExamples:%n  odoo-bridge codegen --models product.product,res.partner --package com.acme.odoo --out src/main/java",
            "  odoo-bridge codegen --models sale.order --package com.acme.odoo --out gen --from-json fields/"})
public final class CodegenCommand implements Callable<Integer> {
    @Option(names = "--models", paramLabel = "MODEL", split = ",", required = true,
            description = "Models to generate (comma-separated).")
    List<String> models;

    @Option(names = "--package", paramLabel = "PACKAGE", required = true, description = "Java package of the generated code.")
    String packageName;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Source root to write into.")
    Path out;

    @ArgGroup(exclusive = true)
    From from = new From();

    @Option(names = "--save-json", paramLabel = "DIR", description = "Also save each model's fields_get JSON here.")
    Path saveJson;

    private final CommandContext ctx;

    /** A command over the context. */
    public CodegenCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Where the metadata comes from. */
    static final class From {
        @Option(names = "--source", paramLabel = "NAME", description = "Read fields_get from this source (default: the only one).")
        String source;

        @Option(names = "--from-json", paramLabel = "DIR", description = "Read saved fields_get JSON files (<model>.json) instead.")
        Path json;
    }

    @Override
    public Integer call() throws IOException {
        List<ModelDefinition> defs;
        if (from.json != null) {
            try {
                defs = ModelDefinitions.fromDirectory(from.json, models);
            } catch (IOException e) {
                throw new dev.odoobridge.cli.CliFailure(dev.odoobridge.cli.ExitCode.USAGE, e.getMessage()
                        + " (save it with `codegen --save-json DIR` against a live Odoo, or drop --from-json)", e);
            }
        } else {
            defs = ModelsCommand.liveDefinitions(ctx.runtime().odoo(Selection.oneSource(ctx.runtime(), from.source)), models);
        }
        if (saveJson != null) {
            for (ModelDefinition d : defs) {
                ctx.console().err().println("saved " + ModelDefinitions.save(saveJson, d));
            }
        }
        List<Path> written = new CodeGenerator(packageName).writeTo(out, defs);
        written.forEach(p -> ctx.console().out().println(p));
        ctx.console().out().println(written.size() + " file(s) written under " + out);
        ctx.console().out().flush();
        return 0;
    }
}
