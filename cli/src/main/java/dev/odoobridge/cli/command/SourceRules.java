package dev.odoobridge.cli.command;

import dev.odoobridge.cli.CliFailure;
import dev.odoobridge.cli.ExitCode;
import dev.odoobridge.cli.config.BridgeConfig;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.sync.webhook.WebhookRules;
import dev.odoobridge.sync.webhook.WebhookRulesException;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The {@code --source} option of the rule commands and what they share: each chosen source's {@link WebhookRules}
 * from the configuration ({@code webhook.public-url}, the source's {@code webhook-token}, {@code sync.models}), and
 * Odoo's failures named after their source.
 */
final class SourceRules {
    @Option(names = "--source", paramLabel = "NAME", description = "Only this source (default: every source).")
    String name;

    /** The chosen sources: the named one, or every configured one. */
    List<String> sources(BridgeRuntime runtime) {
        return Selection.sources(runtime, name == null ? List.of() : List.of(name));
    }

    /**
     * The rules of {@code source}.
     *
     * @throws CliFailure {@link ExitCode#CONFIG} when {@code webhook.public-url} or the source's webhook-token is
     *                    missing or invalid
     */
    static WebhookRules rules(BridgeRuntime runtime, String source) {
        BridgeConfig config = runtime.config();
        URI publicUrl = config.webhook().rules().publicUrl().orElseThrow(() -> new CliFailure(ExitCode.CONFIG,
                "webhook.public-url is not set: add the URL under which Odoo reaches `odoo-bridge webhook serve`,"
                        + " e.g.\n    webhook:\n      public-url: https://bridge.example.com"));
        String token = runtime.source(source).webhookToken().orElseThrow(() -> new CliFailure(ExitCode.CONFIG,
                "source '" + source + "' has no webhook-token: add `webhook-token: ${" + envName(source)
                        + "_WEBHOOK_TOKEN}` (16+ random characters of [A-Za-z0-9._~-]) under sources." + source));
        try {
            return WebhookRules.builder(runtime.odoo(source)).source(source).token(token).publicUrl(publicUrl)
                    .models(runtime.syncedModels()).build();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.CONFIG, "sources." + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} against the Odoo of {@code source}, naming the source in its failures: unreachable Odoo is
     * {@link ExitCode#ODOO_UNREACHABLE}, a refusal (access rights, no automation module) {@link ExitCode#ODOO_ERROR}
     * with Odoo's message.
     */
    static <T> T talking(BridgeRuntime runtime, String source, Supplier<T> work) {
        try {
            return work.get();
        } catch (OdooTransportException e) {
            throw new CliFailure(ExitCode.ODOO_UNREACHABLE, "cannot reach the Odoo of source '" + source + "' at "
                    + runtime.source(source).url() + ": " + e.getMessage(), e);
        } catch (AccessErrorException e) {
            throw new CliFailure(ExitCode.ODOO_ERROR, "the Odoo of source '" + source + "' refused: " + e.getMessage()
                    + "\nOnly an administrator may change automation rules: use an administrator's login (or API key)"
                    + " for this source.", e);
        } catch (WebhookRulesException e) {
            throw new CliFailure(ExitCode.ODOO_ERROR, e.getMessage(), e);
        }
    }

    private static String envName(String source) {
        return source.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
