package dev.odoobridge.sync.webhook;

import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.internal.InboxRepository;
import dev.odoobridge.sync.webhook.internal.PostIntake;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Receives Odoo's "Send Webhook Notification" posts independently of any HTTP server: a transport
 * (e.g. the {@code serve} module's Jetty handler at {@code POST /webhook/<source>/<token>}) turns a
 * request into a {@link WebhookPost} and writes the {@link WebhookAnswer} back. A post is answered
 * 202 only after it is committed to the inbox; everything else gets a 4xx with a JSON {@code error}
 * reason and is not stored: 404 unknown source or wrong token (indistinguishable, compared in constant
 * time), 405 not POST, 413 too large, 401 bad signature (sources with a signing secret), 400 malformed
 * body, 422 model not synced; 503 when the inbox cannot be written (or, under a burst, when 1,024 posts
 * already wait for it). Posts arriving while another post's transaction is being written share the next
 * transaction (group commit: one batch of inserts, one notification, one commit), so concurrent posts do
 * not each pay a commit; a lone post commits at once. A post whose row the database refuses as data
 * (SQLSTATE class 22) gets its 400 alone, the others of its group their 202. Thread-safe.
 *
 * <pre>{@code
 * WebhookIntake intake = WebhookIntake.builder(db)
 *         .source(WebhookSource.of("shop1", token))
 *         .models(List.of("product.product", "stock.quant"))
 *         .build();
 * WebhookAnswer answer = intake.receive(post);
 * }</pre>
 */
public final class WebhookIntake {
    /** The largest accepted body unless {@link Builder#maxBodyBytes} says otherwise: 256 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    /** The path prefix the posts are addressed to: {@code /webhook/<source>/<token>}. */
    public static final String PATH_PREFIX = "/webhook/";

    private final PostIntake intake;
    private final Map<String, WebhookSource> sources;
    private final Set<String> models;
    private final int maxBodyBytes;

    private WebhookIntake(Builder b) {
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(b.sources));
        this.models = b.models;
        this.maxBodyBytes = b.maxBodyBytes;
        this.intake = new PostIntake(sources.values(), models, new InboxRepository(b.database.dataSource()),
                b.maxBodyBytes, b.signatureTolerance, b.clock);
    }

    /** A builder storing accepted posts in this database's inbox. */
    public static Builder builder(StateDatabase database) {
        return new Builder(database);
    }

    /** Checks one post and, when it is valid, stores it before answering. Never throws for a bad post. */
    public WebhookAnswer receive(WebhookPost post) {
        return intake.receive(Objects.requireNonNull(post, "post == null"));
    }

    /** The answer to a request whose path is not {@code /webhook/<source>/<token>} (the same 404 as a wrong token). */
    public WebhookAnswer notFound() {
        return PostIntake.notFound();
    }

    /** The sources accepted, by name. */
    public Map<String, WebhookSource> sources() {
        return sources;
    }

    /** The models accepted. */
    public Set<String> models() {
        return models;
    }

    /** The largest accepted body. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The URL path for a source: {@code /webhook/<source>/<token>} (contains the secret). */
    public String path(String source) {
        WebhookSource s = sources.get(source);
        if (s == null) {
            throw new IllegalArgumentException("Unknown source '" + source + "'; configured: " + sources.keySet());
        }
        return PATH_PREFIX + s.name() + "/" + s.token();
    }

    /** Configuration of a {@link WebhookIntake}. */
    public static final class Builder {
        private final StateDatabase database;
        private final Map<String, WebhookSource> sources = new LinkedHashMap<>();
        private Set<String> models = Set.of();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration signatureTolerance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();

        private Builder(StateDatabase database) {
            this.database = Objects.requireNonNull(database, "database == null");
        }

        /** Adds a source; its name must be unique. */
        public Builder source(WebhookSource source) {
            Objects.requireNonNull(source, "source == null");
            if (sources.putIfAbsent(source.name(), source) != null) {
                throw new IllegalArgumentException("Source '" + source.name() + "' is configured twice");
            }
            return this;
        }

        /** The Odoo models accepted (others get 422). */
        public Builder models(Collection<String> syncedModels) {
            this.models = Set.copyOf(new LinkedHashSet<>(Objects.requireNonNull(syncedModels, "syncedModels == null")));
            return this;
        }

        /** Largest accepted body, default 256 KiB. */
        public Builder maxBodyBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, was " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** How far a signed post's timestamp may be from now, default 5 minutes. */
        public Builder signatureTolerance(Duration tolerance) {
            Objects.requireNonNull(tolerance, "tolerance == null");
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("signatureTolerance must not be negative, was " + tolerance);
            }
            this.signatureTolerance = tolerance;
            return this;
        }

        /** Clock for signature timestamps (tests). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock == null");
            return this;
        }

        /** Validates and builds. */
        public WebhookIntake build() {
            if (sources.isEmpty()) {
                throw new IllegalStateException("Configure at least one webhook source");
            }
            if (models.isEmpty()) {
                throw new IllegalStateException("Configure the synced models the receiver accepts");
            }
            return new WebhookIntake(this);
        }
    }
}
