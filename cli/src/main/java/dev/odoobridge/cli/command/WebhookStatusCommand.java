package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CommandContext;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.sync.webhook.RuleStatus;
import dev.odoobridge.sync.webhook.WebhookRules;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Reports odoo-bridge's automation rules in each source's Odoo. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Report, per synced model and trigger, whether odoo-bridge's automation rule is in Odoo: ok, "
                + "missing, disabled (archived), elsewhere (posts to another URL or token), outdated (other fields, "
                + "no or several webhook actions) or unwanted (a duplicate, or a model no longer synced). Tokens are "
                + "masked. Changes nothing."},
        footer = {"%nExit codes: 0 every rule ok, 10 a rule is missing, disabled, elsewhere, outdated or unwanted "
                + "(`odoo-bridge webhook install` repairs it), 3 configuration, 4 Odoo unreachable, 5 login refused, "
                + "6 Odoo refused.",
            "%nExample:%n  odoo-bridge webhook status --source shop"})
public final class WebhookStatusCommand implements Callable<Integer> {
    @Mixin
    SourceRules target;

    private final CommandContext ctx;

    /** A command over the context. */
    public WebhookStatusCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        BridgeRuntime rt = ctx.runtime();
        PrintWriter out = ctx.console().out();
        int problems = 0;
        for (String source : target.sources(rt)) {
            WebhookRules rules = SourceRules.rules(rt, source);
            List<RuleStatus> statuses = SourceRules.talking(rt, source, rules::status);
            out.printf("%s: rules should post to %s%n", source, rules.maskedUrl());
            Table t = new Table("model", "trigger", "state", "rule", "posts to");
            for (RuleStatus s : statuses) {
                t.row(s.model(), s.trigger(), (s.state().isProblem() ? "! " : "") + s.state().name()
                        .toLowerCase(Locale.ROOT), s.ruleId() == 0 ? "" : "#" + s.ruleId(), s.url());
            }
            t.print(out);
            int here = 0;
            for (RuleStatus s : statuses) {
                if (s.state().isProblem()) {
                    here++;
                    out.printf("  ! %s %s: %s%n", s.model(), s.trigger(), String.join("; ", s.details()));
                }
            }
            if (here > 0) {
                out.printf("  %d problem%s: `odoo-bridge webhook install --source %s` repairs %s%n", here,
                        here == 1 ? "" : "s", source, here == 1 ? "it" : "them");
            } else {
                out.println("  all rules ok");
            }
            problems += here;
        }
        out.flush();
        return problems == 0 ? ExitCode.OK.code() : ExitCode.DRIFT.code();
    }
}
