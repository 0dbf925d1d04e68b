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

/** Creates or repairs the automation rules that make each source's Odoo post to the receiver. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Create, through RPC, the automation rules that make Odoo post every change of the synced "
                + "models to the receiver: per model, \"odoo-bridge: <model> on_create_or_write\" and \"... on_unlink\", "
                + "each with a \"Send Webhook Notification\" action posting to <webhook.public-url>/webhook/<source>/<token>.",
            "Idempotent: rules already there are left alone, a changed URL or field list is repaired, an archived rule "
                + "is re-enabled, duplicates and rules of models no longer synced are removed; other rules are never "
                + "touched. Needs an administrator's login on the source."},
        footer = {"%nExit codes: 0 done, 3 configuration (webhook.public-url, webhook-token), 4 Odoo unreachable, "
                + "5 login refused, 6 Odoo refused (not an administrator, no Automation Rules module).",
            "%nExamples:%n  odoo-bridge webhook install --dry-run%n  odoo-bridge webhook install --source shop"})
public final class WebhookInstallCommand implements Callable<Integer> {
    @Mixin
    SourceRules target;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    private final CommandContext ctx;

    /** A command over the context. */
    public WebhookInstallCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        BridgeRuntime rt = ctx.runtime();
        PrintWriter out = ctx.console().out();
        List<String> sources = target.sources(rt);
        for (String source : sources) {
            WebhookRules rules = SourceRules.rules(rt, source);
            RulePlan plan = SourceRules.talking(rt, source, rules::planInstall);
            out.printf("%s (Odoo %s): rules posting to %s%n", source, plan.odooVersion(), rules.maskedUrl());
            if (plan.isEmpty()) {
                out.printf("  nothing to change: %d rules in place%n",
                        rt.syncedModels().size() * 2);
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
            String changes = n + (n == 1 ? " change" : " changes");
            out.println(dryRun ? "  dry run: " + changes + " planned, nothing changed" : "  " + changes + " applied");
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
