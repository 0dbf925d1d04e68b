package dev.odoobridge.cli.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole {@code odoo-bridge.yaml}, validated.
 *
 * @param sources Odoo databases by source name (insertion order kept)
 * @param mongo read-model database
 * @param postgres sync state database
 * @param sync sync settings
 * @param stock stock-view settings
 * @param webhook receiver settings
 * @param vendor vendor-linking settings
 * @param feed offline-sync feed settings
 * @param dataDir where embedded servers keep their data
 * @param serve the {@code serve} process: where it listens, its admin token
 * @param schedule when {@code serve} syncs on its own
 * @param portal the vendor portal {@code serve} mounts at {@code /portal} when enabled
 */
public record BridgeConfig(Map<String, SourceConfig> sources, MongoSettings mongo, PostgresSettings postgres,
                           SyncSettings sync, StockSettings stock, WebhookSettings webhook, VendorSettings vendor,
                           FeedSettings feed, Path dataDir, ServeSettings serve, ScheduleSettings schedule,
                           PortalSettings portal) {
    public BridgeConfig {
        sources = Map.copyOf(new java.util.LinkedHashMap<>(sources));
    }

    /** An Odoo database. */
    public record SourceConfig(String name, String url, String database, String login, String secret,
                               String transport, Duration timeout, Optional<String> webhookToken,
                               Optional<String> webhookSigningSecret, Optional<String> shopEmail) {
        @Override
        public String toString() {
            return "SourceConfig{" + name + ", " + url + ", db=" + database + ", login=" + login + ", secret=****}";
        }
    }

    /** MongoDB: a connection string, or empty for the embedded server. */
    public record MongoSettings(Optional<String> uri, String database) {
        @Override
        public String toString() {
            return "MongoSettings{" + (uri.isPresent() ? "uri=<set>" : "embedded") + ", database=" + database + "}";
        }
    }

    /** PostgreSQL: a JDBC URL, or empty for the embedded server. */
    public record PostgresSettings(Optional<String> url, String user, String password) {
        @Override
        public String toString() {
            return "PostgresSettings{" + (url.isPresent() ? url.get() : "embedded") + ", user=" + user + ", password=****}";
        }
    }

    /**
     * Sync behaviour.
     *
     * @param models the models synced
     * @param extraFields fields projected besides the defaults, per model
     * @param pageSize records per Odoo call
     * @param parallelism (source, model) pairs synced at once
     * @param readers page reads at once when a whole model is read (the Odoo workers the sync may occupy)
     * @param overlap how far before its checkpoint each incremental run restarts
     * @param modelsListed whether the configuration listed the models ({@code sync.models}); when it did not,
     *                     {@code models} are {@link ConfigLoader#DEFAULT_MODELS} and the runtime adds the
     *                     unit-barcode models the servers have ({@link RetailModels})
     */
    public record SyncSettings(List<String> models, Map<String, List<String>> extraFields, int pageSize,
                               int parallelism, int readers, Duration overlap, boolean modelsListed) {
        /** Settings whose models were listed by the configuration. */
        public SyncSettings(List<String> models, Map<String, List<String>> extraFields, int pageSize,
                            int parallelism, int readers, Duration overlap) {
            this(models, extraFields, pageSize, parallelism, readers, overlap, true);
        }
    }

    /** Stock views. */
    public record StockSettings(Optional<String> thresholdField, double defaultThreshold, int nearExpiryDays,
                                int velocityWindowDays) {
    }

    /**
     * Webhook receiver.
     *
     * @param bind address the receiver listens on
     * @param port its port
     * @param maxBodyBytes largest post accepted
     * @param rules where Odoo reaches the receiver, for the rules {@code webhook install} creates
     */
    public record WebhookSettings(String bind, int port, int maxBodyBytes, RuleSettings rules) {
    }

    /**
     * The automation rules {@code webhook install} keeps in each source's Odoo.
     *
     * @param publicUrl {@code webhook.public-url}: the absolute http(s) URL under which Odoo reaches the receiver
     *                  (the rules post to {@code <public-url>/webhook/<source>/<token>}); empty when unset
     */
    public record RuleSettings(Optional<java.net.URI> publicUrl) {
    }

    /**
     * The {@code serve} process.
     *
     * @param bind address to listen on
     * @param port port (0 picks a free one)
     * @param adminToken bearer token of the admin API (24+ characters); empty turns the admin API off
     * @param forwardedHeaders whether the request's scheme, host and client come from a reverse proxy's headers
     */
    public record ServeSettings(String bind, int port, Optional<String> adminToken, boolean forwardedHeaders) {
        @Override
        public String toString() {
            return "ServeSettings{" + bind + ":" + port + ", adminToken=" + (adminToken.isPresent() ? "****" : "<unset>") + "}";
        }
    }

    /**
     * When {@code serve} syncs.
     *
     * @param incremental interval of the incremental runs; empty = none
     * @param reconcile five-field cron expression (UTC) of the reconcile-and-verify runs; empty = never
     */
    public record ScheduleSettings(Optional<Duration> incremental, Optional<String> reconcile) {
    }

    /** Vendor linking and exports. */
    /**
     * The offline-sync feed ({@code feed:}).
     *
     * @param tables the built-in tables served (default all: products, partners, sale_orders, sale_order_lines)
     * @param pageSize changes per pull page
     * @param maxPushBytes largest pushed change set
     * @param sendCreatedAsUpdated whether new records go to {@code updated} by default
     */
    /**
     * The {@code feed:} section.
     *
     * @param tables the built-in tables served (those whose model is synced)
     * @param pageSize changes per pull page
     * @param maxPushBytes largest push body
     * @param sendCreatedAsUpdated new records in {@code updated}
     * @param columns per table, the columns kept (renamed, or on hand at one warehouse); a table not named keeps all
     * @param tombstoneHorizon how long deletions are kept for pulls ({@code tombstone-horizon}, default 30 days);
     *                         a pull from before it is answered 410 full resync required
     */
    public record FeedSettings(List<String> tables, int pageSize, int maxPushBytes, boolean sendCreatedAsUpdated,
                               Map<String, List<FeedColumnSpec>> columns, Duration tombstoneHorizon) {
        /** The default tombstone horizon (30 days, as the read model's). */
        public static final Duration DEFAULT_TOMBSTONE_HORIZON = Duration.ofDays(30);

        public FeedSettings {
            tables = List.copyOf(tables);
            columns = Map.copyOf(columns);
            java.util.Objects.requireNonNull(tombstoneHorizon, "tombstoneHorizon == null");
        }

        /** Settings with the default tombstone horizon. */
        public FeedSettings(List<String> tables, int pageSize, int maxPushBytes, boolean sendCreatedAsUpdated,
                            Map<String, List<FeedColumnSpec>> columns) {
            this(tables, pageSize, maxPushBytes, sendCreatedAsUpdated, columns, DEFAULT_TOMBSTONE_HORIZON);
        }
    }

    public record VendorSettings(Optional<String> otpSecret, String mailTo) {
        @Override
        public String toString() {
            return "VendorSettings{otpSecret=" + (otpSecret.isPresent() ? "****" : "<unset>") + ", mailTo=" + mailTo + "}";
        }
    }

    /**
     * The {@code portal:} section.
     *
     * @param config the portal's settings when {@code portal.enabled} is true; empty when the portal is off
     */
    public record PortalSettings(Optional<dev.odoobridge.portal.PortalConfig> config) {
        /** True when {@code serve} mounts the portal. */
        public boolean enabled() {
            return config.isPresent();
        }
    }
}
