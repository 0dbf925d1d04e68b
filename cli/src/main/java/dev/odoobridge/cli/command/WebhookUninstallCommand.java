package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.sync.webhook.RuleChange;
import dev.odoobridge.sync.webhook.RulePlan;
import dev.odoobridge.sync.webhook.WebhookRules;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Deletes odoo-bridge's automation rules (and their actions) from each source's Odoo. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = {"Delete, through RPC, the automation rules `webhook install` created for the source (named "
                + "\"odoo-bridge: ...\" and posting to its /webhook/<source>/ path), archived ones included, with their "
                + "server actions. Every other rule stays."},
        footer = {"%nExit codes: 0 done, 3 configuration, 4 Odoo unreachable, 5 login refused, 6 Odoo refused.",
            "%nExamples:%n  odoo-bridge webhook uninstall --dry-run%n  odoo-bridge webhook uninstall --source shop"})
public final class WebhookUninstallCommand implements Callable<Integer> {
    @Mixin
    SourceRules target;

    @Option(names = "--dry-run", description = "Print what would be deleted and change nothing.")
    boolean dryRun;

    private final CommandContext ctx;

    /** A command over the context. */
    public WebhookUninstallCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        BridgeRuntime rt = ctx.runtime();
        PrintWriter out = ctx.console().out();
        for (String source : target.sources(rt)) {
            WebhookRules rules = SourceRules.rules(rt, source);
            RulePlan plan = SourceRules.talking(rt, source, rules::planUninstall);
            out.printf("%s (Odoo %s):%n", source, plan.odooVersion());
            if (plan.isEmpty()) {
                out.println("  no odoo-bridge rules to delete");
                continue;
            }
            for (RuleChange change : plan.changes()) {
                if (!dryRun) {
                    SourceRules.talking(rt, source, () -> rules.apply(new RulePlan(source, plan.odooVersion(),
                            List.of(change))));
                }
                out.println("  " + change.describe());
                out.flush();
            }
            int n = plan.changes().size();
            String deleted = n + (n == 1 ? " rule" : " rules");
            out.println(dryRun ? "  dry run: " + deleted + " would be deleted, nothing changed" : "  " + deleted
                    + " deleted");
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
