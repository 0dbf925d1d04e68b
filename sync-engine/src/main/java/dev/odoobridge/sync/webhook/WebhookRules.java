package dev.odoobridge.sync.webhook;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.sync.webhook.internal.OdooRules;
import dev.odoobridge.sync.webhook.internal.RuleMarker;
import dev.odoobridge.sync.webhook.internal.RulePlanner;
import dev.odoobridge.sync.webhook.internal.WantedRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automation rules that make one source's Odoo post its changes to odoo-bridge's receiver, managed through
 * RPC instead of by hand: for each synced model, a {@code base.automation} rule per {@link RuleTrigger} with one
 * "Send Webhook Notification" action ({@code ir.actions.server} of state {@code webhook}) posting to
 * {@code <public URL>/webhook/<source>/<token>} and sending {@code write_date} (plus {@code active} where the
 * model has it), which with Odoo's own {@code _model}, {@code _id} and {@code _action} is what the receiver and
 * processor use.
 *
 * <p>Rules are found again by name ({@code "odoo-bridge: <model> <trigger>"}) and receiver path, so
 * {@link #planInstall()} is idempotent: it creates what is missing, repairs a changed URL or field list,
 * re-enables a rule someone archived, deletes duplicates and rules of models no longer synced, and leaves every
 * other rule alone. {@link #planUninstall()} deletes exactly odoo-bridge's rules of this source and their actions.
 * {@link #status()} reports each rule. Plans and statuses never hold the token whole.
 *
 * <p>The server is asked ({@code fields_get}) whether it has the automation models, fields and selection values
 * used: Odoo 17.0, 18.0 and 19.0 do, with the Automation Rules module (base_automation) installed. Only an
 * administrator may change automation rules; Odoo refuses others with an {@code AccessError}, which arrives as the
 * client's {@code AccessErrorException}.
 *
 * <pre>{@code
 * WebhookRules rules = WebhookRules.builder(odoo).source("shop").token(token)
 *         .publicUrl(URI.create("https://bridge.example.com")).models(List.of("product.product")).build();
 * RulePlan plan = rules.planInstall();
 * plan.changes().forEach(c -> System.out.println(c.describe()));
 * rules.apply(plan);
 * }</pre>
 */
public final class WebhookRules {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRules.class);

    private final String source;
    private final String url;
    private final List<String> models;
    private final OdooRules odoo;
    private final RuleMarker marker;

    private WebhookRules(Builder b) {
        this.source = b.source;
        this.url = b.receiverUrl();
        this.models = List.copyOf(b.models);
        this.odoo = new OdooRules(b.odoo, b.source);
        this.marker = new RuleMarker(b.source, b.token);
    }

    /** A builder over the source's client. */
    public static Builder builder(OdooClient odoo) {
        return new Builder(odoo);
    }

    /** The source name. */
    public String source() {
        return source;
    }

    /** The URL Odoo posts to, with the token masked. */
    public String maskedUrl() {
        return marker.mask(url);
    }

    /** What {@code install} changes in Odoo: nothing when every rule is there, enabled and correct. */
    public RulePlan planInstall() {
        return new RulePlan(source, odoo.version(), planned(RulePlanner.Mode.INSTALL).changes());
    }

    /** What {@code uninstall} deletes: every rule of ours for this source, whatever model it is on. */
    public RulePlan planUninstall() {
        return new RulePlan(source, odoo.version(), planned(RulePlanner.Mode.UNINSTALL).changes());
    }

    /**
     * One status per synced model and trigger, plus one per rule of ours that install would delete (duplicates,
     * models no longer synced), ordered by model and trigger.
     */
    public List<RuleStatus> status() {
        return planned(RulePlanner.Mode.INSTALL).statuses();
    }

    /**
     * Applies {@code plan}, change by change, in its order. A change Odoo refuses stops there with the client's
     * exception; the changes before it stay applied, and planning again continues from there.
     *
     * @return the number of changes applied
     * @throws IllegalArgumentException when the plan is for another source
     */
    public int apply(RulePlan plan) {
        Objects.requireNonNull(plan, "plan == null");
        if (!plan.source().equals(source)) {
            throw new IllegalArgumentException("plan is for source " + plan.source() + ", not " + source);
        }
        int applied = 0;
        for (RuleChange change : plan.changes()) {
            WantedRule wanted = change.kind() == RuleChange.Kind.DELETE ? null
                    : odoo.wanted(change.model(), change.trigger(), url);
            odoo.apply(change, wanted);
            LOG.info("webhook rules of {}: {}", source, change.describe());
            applied++;
        }
        return applied;
    }

    private RulePlanner.Planned planned(RulePlanner.Mode mode) {
        odoo.check();
        List<WantedRule> wanted = new ArrayList<>();
        if (mode == RulePlanner.Mode.INSTALL) {
            for (String model : models) {
                for (RuleTrigger trigger : RuleTrigger.values()) {
                    wanted.add(odoo.wanted(model, trigger.odooName(), url));
                }
            }
        }
        return new RulePlanner(marker).plan(wanted, odoo.read(), mode);
    }

    /** Builds {@link WebhookRules}; source, token, public URL and models are required. */
    public static final class Builder {
        private final OdooClient odoo;
        private String source;
        private String token;
        private URI publicUrl;
        private final LinkedHashSet<String> models = new LinkedHashSet<>();

        private Builder(OdooClient odoo) {
            this.odoo = Objects.requireNonNull(odoo, "odoo == null");
        }

        /** The source name, as in the receiver path {@code /webhook/<source>/<token>}. */
        public Builder source(String name) {
            this.source = Objects.requireNonNull(name, "name == null");
            return this;
        }

        /** The source's receiver token (16-256 URL-safe characters, see {@link WebhookSource}). */
        public Builder token(String secret) {
            this.token = Objects.requireNonNull(secret, "secret == null");
            return this;
        }

        /**
         * Where Odoo reaches the receiver: an absolute http(s) URL, with a path prefix if a proxy adds one
         * ({@code https://bridge.example.com/odoo} gives {@code https://bridge.example.com/odoo/webhook/...}).
         */
        public Builder publicUrl(URI url) {
            this.publicUrl = Objects.requireNonNull(url, "url == null");
            return this;
        }

        /** The synced models (each gets its rules); order kept, duplicates ignored. */
        public Builder models(Collection<String> synced) {
            Objects.requireNonNull(synced, "synced == null").forEach(m -> models.add(Objects.requireNonNull(m, "model == null")));
            return this;
        }

        /**
         * Builds.
         *
         * @throws IllegalArgumentException for a missing or invalid source, token or public URL, or no models
         */
        public WebhookRules build() {
            if (source == null || token == null) {
                throw new IllegalArgumentException("source and token are required");
            }
            WebhookSource.of(source, token);
            checkPublicUrl(publicUrl);
            if (models.isEmpty()) {
                throw new IllegalArgumentException("no models: webhook rules are made for the synced models");
            }
            return new WebhookRules(this);
        }

        private String receiverUrl() {
            String base = publicUrl.toString();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return base + "/webhook/" + source + "/" + token;
        }
    }

    /**
     * Checks a public URL: absolute, http or https, with a host, no query or fragment.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void checkPublicUrl(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("a public URL is required (where Odoo reaches the receiver)");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("must be an absolute http:// or https:// URL with a host, like"
                    + " https://bridge.example.com, was '" + url + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment, was '" + url + "'");
        }
    }
}
