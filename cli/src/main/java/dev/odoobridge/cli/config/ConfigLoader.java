package dev.odoobridge.cli.config;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedTable;
import dev.odoobridge.feed.FeedTables;
import dev.odoobridge.serve.CronExpression;
import dev.odoobridge.sync.SyncEngine;
import dev.odoobridge.sync.webhook.WebhookIntake;
import dev.odoobridge.sync.webhook.WebhookRules;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads and validates {@code odoo-bridge.yaml}; every problem names its key and line. */
public final class ConfigLoader {
    /** Models synced when the config does not list them. */
    public static final List<String> DEFAULT_MODELS = List.of(
            "res.partner", "product.category", "product.template", "product.product", "product.supplierinfo",
            "stock.warehouse", "stock.location", "stock.lot", "stock.quant", "stock.move",
            "stock.warehouse.orderpoint", "sale.order", "sale.order.line", "purchase.order", "purchase.order.line");

    private static final Set<String> TOP = Set.of("sources", "mongodb", "postgres", "sync", "stock", "webhook",
            "vendor", "feed", "data-dir", "serve", "schedule", "portal");
    private static final Set<String> SOURCE = Set.of("url", "database", "login", "secret", "transport", "timeout",
            "webhook-token", "webhook-signing-secret", "shop-email");
    private static final Set<String> MONGO = Set.of("uri", "database");
    private static final Set<String> POSTGRES = Set.of("url", "user", "password");
    private static final Set<String> SYNC = Set.of("models", "extra-fields", "page-size", "parallelism", "readers", "overlap");
    private static final Set<String> STOCK = Set.of("threshold-field", "default-threshold", "near-expiry-days",
            "velocity-window-days");
    private static final Set<String> WEBHOOK = Set.of("bind", "port", "max-body-bytes", "public-url");
    private static final Set<String> VENDOR = Set.of("otp-secret", "mail-to");
    private static final Set<String> SERVE = Set.of("bind", "port", "admin-token", "forwarded-headers");
    private static final Set<String> SCHEDULE = Set.of("incremental", "reconcile");
    private static final Set<String> PORTAL = Set.of("enabled", "mail-source", "secure-cookies", "session-idle",
            "session-absolute", "oidc");
    private static final Set<String> OIDC = Set.of("issuer", "client-id", "client-secret", "redirect-path");
    private static final int MIN_ADMIN_TOKEN = 24;
    private static final Set<String> FEED = Set.of("tables", "page-size", "max-push-bytes", "send-created-as-updated",
            "columns", "tombstone-horizon");
    private static final Set<String> TRANSPORTS = Set.of("auto", "xmlrpc", "jsonrpc", "json2");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private final Function<String, String> env;

    /** A loader reading {@code ${VAR}} from the given environment. */
    public ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    /** A loader over the process environment. */
    public static ConfigLoader fromSystemEnv() {
        return new ConfigLoader(System::getenv);
    }

    /** The {@code feed:} section: built-in tables by name, page size, push size, created-as-updated, tombstone horizon. */
    private static BridgeConfig.FeedSettings feedSettings(Binder b, ConfigNode feed, List<String> problems) {
        List<String> known = FeedTables.retail().stream().map(FeedTable::name).toList();
        List<String> tables = b.stringList(feed, "tables", known);
        for (String t : tables) {
            if (!known.contains(t)) {
                problems.add(feed.map().get("tables").where() + ": unknown feed table '" + t + "'; known: " + known);
            }
        }
        String asUpdated = b.string(feed, "send-created-as-updated", "false");
        if (!asUpdated.equals("true") && !asUpdated.equals("false")) {
            problems.add(feed.map().get("send-created-as-updated").where() + ": must be true or false");
        }
        Duration horizon = b.duration(feed, "tombstone-horizon", BridgeConfig.FeedSettings.DEFAULT_TOMBSTONE_HORIZON);
        if (horizon.isNegative() || horizon.isZero()) {
            problems.add(feed.map().get("tombstone-horizon").where() + ": must be positive (how long deletions are kept"
                    + " for pulls; older last_pulled_at values get 410 full resync required)");
            horizon = BridgeConfig.FeedSettings.DEFAULT_TOMBSTONE_HORIZON;
        }
        return new BridgeConfig.FeedSettings(tables,
                b.intIn(feed, "page-size", FeedConfig.DEFAULT_PAGE_SIZE, 1, 100_000),
                b.intIn(feed, "max-push-bytes", FeedConfig.DEFAULT_MAX_PUSH_BYTES, 1024, 64 * 1024 * 1024),
                Boolean.parseBoolean(asUpdated), feedColumns(b, feed, problems), horizon);
    }

    /** {@code feed.columns}: table name → list of {@code name}, {@code name=column}, {@code name=qty_on_hand@<wh>}. */
    private static Map<String, List<FeedColumnSpec>> feedColumns(Binder b, ConfigNode feed, List<String> problems) {
        Map<String, List<FeedColumnSpec>> out = new LinkedHashMap<>();
        ConfigNode node = feed.map().get("columns");
        if (node == null) {
            return out;
        }
        if (!node.isMap()) {
            problems.add(node.where() + ": must map table names to lists of columns, e.g. `products: [name, "
                    + "price=list_price, qty_main=qty_on_hand@1]`");
            return out;
        }
        node.map().forEach((table, entries) -> {
            Optional<FeedTable> builtIn = FeedTables.retail().stream().filter(t -> t.name().equals(table)).findFirst();
            if (builtIn.isEmpty()) {
                problems.add(entries.where() + ": unknown feed table '" + table + "'; known: "
                        + FeedTables.retail().stream().map(FeedTable::name).toList());
                return;
            }
            List<FeedColumnSpec> specs = new ArrayList<>();
            for (String entry : b.stringList(node, table, List.of())) {
                try {
                    specs.add(FeedColumnSpec.parse(entry));
                } catch (IllegalArgumentException e) {
                    problems.add(entries.where() + ": " + e.getMessage());
                    return;
                }
            }
            try {
                FeedColumnSpec.apply(builtIn.get(), specs);
                out.put(table, specs);
            } catch (IllegalArgumentException e) {
                problems.add(entries.where() + ": " + e.getMessage());
            }
        });
        return out;
    }

    /** Loads a file. A missing file is an error naming it. */
    public BridgeConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), List.of("file not found: " + file.toAbsolutePath()
                    + " (create it, or pass --config <file>; `odoo-bridge demo` needs no config)"));
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
                    file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
    }

    /** Parses YAML text; {@code baseDir} resolves relative paths. */
    public BridgeConfig parse(String yaml, String sourceName, Path baseDir) {
        List<String> problems = new ArrayList<>();
        ConfigNode root = new YamlReader(env, problems).read(yaml, sourceName);
        Binder b = new Binder(problems);
        b.keys(root, TOP);
        Map<String, BridgeConfig.SourceConfig> sources = new LinkedHashMap<>();
        ConfigNode src = root.map().get("sources");
        if (src == null || src.map().isEmpty()) {
            problems.add("sources: at least one Odoo source is required, e.g.\n"
                    + "    sources:\n      shop:\n        url: https://shop.example.com\n        database: shop\n"
                    + "        login: sync@example.com\n        secret: ${SHOP_API_KEY}");
        } else {
            src.map().forEach((name, node) -> {
                if (!SOURCE_NAME.matcher(name).matches()) {
                    problems.add(node.where() + ": source names use lower-case letters, digits, '-' and '_'");
                }
                sources.put(name, source(b, name, node));
            });
        }
        ConfigNode mongo = b.section(root, "mongodb", MONGO);
        ConfigNode pg = b.section(root, "postgres", POSTGRES);
        ConfigNode sync = b.section(root, "sync", SYNC);
        ConfigNode stock = b.section(root, "stock", STOCK);
        ConfigNode webhook = b.section(root, "webhook", WEBHOOK);
        ConfigNode vendor = b.section(root, "vendor", VENDOR);
        ConfigNode serve = b.section(root, "serve", SERVE);
        ConfigNode schedule = b.section(root, "schedule", SCHEDULE);
        ConfigNode feed = b.section(root, "feed", FEED);
        ConfigNode portal = b.section(root, "portal", PORTAL);

        Optional<String> mongoUri = b.optString(mongo, "uri");
        mongoUri.ifPresent(u -> {
            if (!u.startsWith("mongodb://") && !u.startsWith("mongodb+srv://")) {
                problems.add(mongo.map().get("uri").where() + ": must start with mongodb:// or mongodb+srv://");
            }
        });
        Optional<String> pgUrl = b.optString(pg, "url");
        pgUrl.ifPresent(u -> {
            if (!u.startsWith("jdbc:postgresql://")) {
                problems.add(pg.map().get("url").where() + ": must be a JDBC URL like jdbc:postgresql://host:5432/db");
            }
        });
        List<String> models = b.stringList(sync, "models", DEFAULT_MODELS);
        Map<String, List<String>> extra = new LinkedHashMap<>();
        ConfigNode extraNode = sync.map().get("extra-fields");
        if (extraNode != null) {
            if (!extraNode.isMap()) {
                problems.add(extraNode.where() + ": must map model names to lists of fields");
            }
            extraNode.map().forEach((model, fields) -> extra.put(model, b.stringList(extraNode, model, List.of())));
        }
        String mailTo = b.string(vendor, "mail-to", "partner");
        if (!mailTo.equals("partner") && !mailTo.equals("shop")) {
            problems.add(vendor.map().get("mail-to").where() + ": must be 'partner' or 'shop'");
        }
        BridgeConfig.FeedSettings feedSettings = feedSettings(b, feed, problems);
        Path dataDir = baseDir.resolve(b.string(root, "data-dir", "odoo-bridge-data")).normalize();
        BridgeConfig config = new BridgeConfig(sources,
                new BridgeConfig.MongoSettings(mongoUri, b.string(mongo, "database", "odoo_bridge")),
                new BridgeConfig.PostgresSettings(pgUrl, b.string(pg, "user", "postgres"), b.string(pg, "password", "")),
                new BridgeConfig.SyncSettings(models, extra, b.intIn(sync, "page-size", SyncEngine.DEFAULT_PAGE_SIZE, 1, 10_000),
                        b.intIn(sync, "parallelism", SyncEngine.DEFAULT_PARALLELISM, 1, 64),
                        b.intIn(sync, "readers", SyncEngine.DEFAULT_READERS, 1, 64),
                        b.duration(sync, "overlap", SyncEngine.DEFAULT_OVERLAP), sync.map().containsKey("models")),
                new BridgeConfig.StockSettings(b.optString(stock, "threshold-field"),
                        b.number(stock, "default-threshold", 5.0), b.intIn(stock, "near-expiry-days", 30, 0, 3650),
                        b.intIn(stock, "velocity-window-days", 120, 7, 3650)),
                new BridgeConfig.WebhookSettings(b.string(webhook, "bind", "0.0.0.0"),
                        b.intIn(webhook, "port", 8088, 0, 65535),
                        b.intIn(webhook, "max-body-bytes", WebhookIntake.DEFAULT_MAX_BODY_BYTES, 1024, 64 * 1024 * 1024),
                        ruleSettings(b, webhook)),
                new BridgeConfig.VendorSettings(b.optString(vendor, "otp-secret"), mailTo),
                feedSettings, dataDir, serveSettings(b, serve), scheduleSettings(b, schedule),
                portalSettings(b, portal, sources, vendor));
        if (!problems.isEmpty()) {
            throw new ConfigException(sourceName, problems);
        }
        return config;
    }

    /** {@code webhook.public-url}: an absolute http(s) URL with a host, no query or fragment. */
    private static BridgeConfig.RuleSettings ruleSettings(Binder b, ConfigNode webhook) {
        Optional<String> text = b.optString(webhook, "public-url");
        if (text.isEmpty()) {
            return new BridgeConfig.RuleSettings(Optional.empty());
        }
        String where = webhook.map().get("public-url").where();
        try {
            URI url = new URI(text.get());
            WebhookRules.checkPublicUrl(url);
            return new BridgeConfig.RuleSettings(Optional.of(url));
        } catch (URISyntaxException e) {
            b.problems.add(where + ": must be an absolute http:// or https:// URL like https://bridge.example.com, "
                    + "was '" + text.get() + "' (" + e.getReason() + ")");
        } catch (IllegalArgumentException e) {
            b.problems.add(where + ": " + e.getMessage());
        }
        return new BridgeConfig.RuleSettings(Optional.empty());
    }

    /**
     * {@code portal:}: off unless {@code enabled: true}; then codes go through {@code mail-source} (default: the first
     * source), cookies are Secure unless {@code secure-cookies: false}, sessions end after {@code session-idle}
     * (30m) idle and {@code session-absolute} (12h), and {@code oidc} adds sign-in through a provider. The portal
     * signs its codes and tokens with {@code vendor.otp-secret}, so that must be set.
     */
    private static BridgeConfig.PortalSettings portalSettings(Binder b, ConfigNode portal,
                                                              Map<String, BridgeConfig.SourceConfig> sources,
                                                              ConfigNode vendor) {
        boolean enabled = b.bool(portal, "enabled", false);
        boolean secure = b.bool(portal, "secure-cookies", true);
        Duration idle = b.duration(portal, "session-idle", dev.odoobridge.portal.PortalConfig.DEFAULT_IDLE);
        Duration absolute = b.duration(portal, "session-absolute", dev.odoobridge.portal.PortalConfig.DEFAULT_ABSOLUTE);
        Optional<String> mailSource = b.optString(portal, "mail-source");
        ConfigNode oidcNode = portal.map().get("oidc");
        Optional<dev.odoobridge.portal.PortalConfig.Oidc> oidc = Optional.empty();
        if (oidcNode != null && oidcNode.value() != null) {
            if (!oidcNode.isMap()) {
                b.problems.add(oidcNode.where() + ": must be a mapping with issuer, client-id, client-secret");
            } else {
                b.keys(oidcNode, OIDC);
                String issuer = b.required(oidcNode, "issuer");
                String clientId = b.required(oidcNode, "client-id");
                String clientSecret = b.required(oidcNode, "client-secret");
                String path = b.string(oidcNode, "redirect-path", dev.odoobridge.portal.PortalConfig.Oidc.DEFAULT_REDIRECT_PATH);
                if (!issuer.isEmpty() && !clientId.isEmpty() && !clientSecret.isEmpty()) {
                    try {
                        oidc = Optional.of(new dev.odoobridge.portal.PortalConfig.Oidc(new URI(issuer), clientId,
                                clientSecret, path));
                    } catch (URISyntaxException e) {
                        b.problems.add(oidcNode.map().get("issuer").where() + ": not a URL: " + e.getReason());
                    } catch (IllegalArgumentException e) {
                        b.problems.add(oidcNode.where() + ": " + e.getMessage());
                    }
                }
            }
        }
        if (!enabled) {
            return new BridgeConfig.PortalSettings(Optional.empty());
        }
        String source = mailSource.orElse(sources.isEmpty() ? "" : sources.keySet().iterator().next());
        if (!sources.isEmpty() && !sources.containsKey(source)) {
            b.problems.add(portal.map().get("mail-source").where() + ": unknown source '" + source + "'; configured: "
                    + String.join(", ", sources.keySet()));
        }
        if (b.optString(vendor, "otp-secret").isEmpty()) {
            b.problems.add(portal.where() + ": the portal needs vendor.otp-secret (its codes and tokens are keyed with it):"
                    + " set `vendor: otp-secret: ${ODOO_BRIDGE_OTP_SECRET}`, 16+ random characters");
        }
        try {
            return new BridgeConfig.PortalSettings(Optional.of(new dev.odoobridge.portal.PortalConfig(
                    source.isEmpty() ? "-" : source, secure, idle, absolute, oidc)));
        } catch (IllegalArgumentException e) {
            b.problems.add(portal.where() + ": " + e.getMessage());
            return new BridgeConfig.PortalSettings(Optional.empty());
        }
    }

    private static BridgeConfig.ServeSettings serveSettings(Binder b, ConfigNode serve) {
        Optional<String> token = b.optString(serve, "admin-token");
        token.ifPresent(t -> {
            if (t.length() < MIN_ADMIN_TOKEN) {
                b.problems.add(serve.map().get("admin-token").where() + ": must be at least " + MIN_ADMIN_TOKEN
                        + " characters (a random one, e.g. `openssl rand -hex 24`), set from the environment: "
                        + "`admin-token: ${ODOO_BRIDGE_ADMIN_TOKEN}`");
            }
        });
        return new BridgeConfig.ServeSettings(b.string(serve, "bind", "0.0.0.0"), b.intIn(serve, "port", 8088, 0, 65535),
                token, b.bool(serve, "forwarded-headers", false));
    }

    private static BridgeConfig.ScheduleSettings scheduleSettings(Binder b, ConfigNode schedule) {
        Optional<String> incrementalText = b.optString(schedule, "incremental");
        Optional<Duration> incremental;
        if (incrementalText.isPresent() && isOff(incrementalText.get())) {
            incremental = Optional.empty();
        } else {
            Duration d = b.duration(schedule, "incremental", Duration.ofMinutes(5));
            if (d.compareTo(Duration.ofSeconds(1)) < 0) {
                b.problems.add(schedule.map().get("incremental").where() + ": must be at least 1s (or off), was " + d);
            }
            incremental = Optional.of(d);
        }
        Optional<String> reconcile = b.optString(schedule, "reconcile");
        if (reconcile.isPresent() && isOff(reconcile.get())) {
            reconcile = Optional.empty();
        } else if (reconcile.isPresent()) {
            try {
                CronExpression.parse(reconcile.get());
            } catch (IllegalArgumentException e) {
                b.problems.add(schedule.map().get("reconcile").where() + ": " + e.getMessage());
            }
        } else {
            reconcile = Optional.of("30 3 * * *");
        }
        return new BridgeConfig.ScheduleSettings(incremental, reconcile);
    }

    private static boolean isOff(String value) {
        return value.equalsIgnoreCase("off") || value.equalsIgnoreCase("none") || value.equalsIgnoreCase("false");
    }

    private static BridgeConfig.SourceConfig source(Binder b, String name, ConfigNode node) {
        if (!node.isMap()) {
            b.problems.add(node.where() + ": must be a mapping with url, database, login, secret");
            node = ConfigNode.emptyMap(node.path(), node.line());
        }
        b.keys(node, SOURCE);
        String url = b.required(node, "url");
        if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
            b.problems.add(node.map().get("url").where() + ": must start with http:// or https://");
        }
        String transport = b.string(node, "transport", "auto").toLowerCase(Locale.ROOT);
        if (!TRANSPORTS.contains(transport)) {
            b.problems.add(node.map().get("transport").where() + ": must be one of auto, xmlrpc, jsonrpc, json2");
        }
        return new BridgeConfig.SourceConfig(name, url, b.required(node, "database"), b.required(node, "login"),
                b.required(node, "secret"), transport, b.duration(node, "timeout", OdooConfig.DEFAULT_REQUEST_TIMEOUT),
                b.optString(node, "webhook-token"), b.optString(node, "webhook-signing-secret"),
                b.optString(node, "shop-email"));
    }

    /** Reads typed values, collecting problems. */
    private static final class Binder {
        private final List<String> problems;

        Binder(List<String> problems) {
            this.problems = problems;
        }

        void keys(ConfigNode node, Set<String> allowed) {
            for (Map.Entry<String, ConfigNode> e : node.map().entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    String hint = closest(e.getKey(), allowed).map(k -> " (did you mean '" + k + "'?)").orElse("");
                    problems.add(e.getValue().where() + ": unknown key '" + e.getKey() + "'" + hint);
                }
            }
        }

        ConfigNode section(ConfigNode root, String key, Set<String> allowed) {
            ConfigNode n = root.map().get(key);
            if (n == null || n.value() == null) {
                return ConfigNode.emptyMap(key, n == null ? 0 : n.line());
            }
            if (!n.isMap()) {
                problems.add(n.where() + ": must be a mapping");
                return ConfigNode.emptyMap(key, n.line());
            }
            keys(n, allowed);
            return n;
        }

        Optional<String> optString(ConfigNode parent, String key) {
            ConfigNode n = parent.map().get(key);
            if (n == null || n.value() == null) {
                return Optional.empty();
            }
            if (!(n.value() instanceof String s)) {
                problems.add(n.where() + ": must be a single value");
                return Optional.empty();
            }
            return s.isBlank() ? Optional.empty() : Optional.of(s.trim());
        }

        boolean bool(ConfigNode parent, String key, boolean dflt) {
            Optional<String> v = optString(parent, key);
            if (v.isEmpty()) {
                return dflt;
            }
            if (!v.get().equals("true") && !v.get().equals("false")) {
                problems.add(parent.map().get(key).where() + ": must be true or false, was '" + v.get() + "'");
                return dflt;
            }
            return Boolean.parseBoolean(v.get());
        }

        String string(ConfigNode parent, String key, String dflt) {
            return optString(parent, key).orElse(dflt);
        }

        String required(ConfigNode parent, String key) {
            Optional<String> v = optString(parent, key);
            if (v.isEmpty()) {
                problems.add(parent.where() + ": '" + key + "' is required");
            }
            return v.orElse("");
        }

        int intIn(ConfigNode parent, String key, int dflt, int min, int max) {
            Optional<String> v = optString(parent, key);
            if (v.isEmpty()) {
                return dflt;
            }
            try {
                int i = Integer.parseInt(v.get());
                if (i < min || i > max) {
                    problems.add(parent.map().get(key).where() + ": must be between " + min + " and " + max + ", was " + i);
                }
                return i;
            } catch (NumberFormatException e) {
                problems.add(parent.map().get(key).where() + ": must be a whole number, was '" + v.get() + "'");
                return dflt;
            }
        }

        double number(ConfigNode parent, String key, double dflt) {
            Optional<String> v = optString(parent, key);
            if (v.isEmpty()) {
                return dflt;
            }
            try {
                double d = Double.parseDouble(v.get());
                if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                    problems.add(parent.map().get(key).where() + ": must be a non-negative number");
                }
                return d;
            } catch (NumberFormatException e) {
                problems.add(parent.map().get(key).where() + ": must be a number, was '" + v.get() + "'");
                return dflt;
            }
        }

        Duration duration(ConfigNode parent, String key, Duration dflt) {
            Optional<String> v = optString(parent, key);
            if (v.isEmpty()) {
                return dflt;
            }
            Matcher m = DURATION.matcher(v.get().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            try {
                return Duration.parse(v.get().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                problems.add(parent.map().get(key).where() + ": must be a duration like 30s, 10m, 2h or PT10M, was '"
                        + v.get() + "'");
                return dflt;
            }
        }

        List<String> stringList(ConfigNode parent, String key, List<String> dflt) {
            ConfigNode n = parent.map().get(key);
            if (n == null || n.value() == null) {
                return dflt;
            }
            if (n.value() instanceof String s) {
                return List.of(s.split("\\s*,\\s*"));
            }
            if (!n.isList()) {
                problems.add(n.where() + ": must be a list");
                return dflt;
            }
            List<String> out = new ArrayList<>();
            for (ConfigNode item : n.list()) {
                if (item.value() instanceof String s && !s.isBlank()) {
                    out.add(s.trim());
                } else {
                    problems.add(item.where() + ": must be a non-empty name");
                }
            }
            return List.copyOf(out);
        }

        private static Optional<String> closest(String key, Set<String> allowed) {
            String best = null;
            int bestDistance = 3;
            for (String a : allowed) {
                int d = distance(key, a);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = a;
                }
            }
            return Optional.ofNullable(best);
        }

        private static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
