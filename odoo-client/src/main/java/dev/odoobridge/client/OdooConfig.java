package dev.odoobridge.client;

import dev.odoobridge.client.spi.OdooClientListener;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable client configuration. Build with {@link #builder()}; derive with {@link #toBuilder()}.
 * {@link #toString()} never shows the secret.
 */
public final class OdooConfig {
    /** Default cap on one response body: 256 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;
    /** How long one request may take unless {@link Builder#requestTimeout} says otherwise: 120 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final URI url;
    private final String database;
    private final String login;
    private final String secret;
    private final Transport transport;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Map<String, Object> defaultContext;
    private final long maxResponseBytes;
    private final OdooClientListener listener;

    private OdooConfig(Builder b) {
        this.url = b.url;
        this.database = b.database;
        this.login = b.login;
        this.secret = b.secret;
        this.transport = b.transport;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.retryPolicy = b.retryPolicy;
        this.defaultContext = Collections.unmodifiableMap(new LinkedHashMap<>(b.defaultContext));
        this.maxResponseBytes = b.maxResponseBytes;
        this.listener = b.listener;
    }

    /** A new builder with defaults: transport AUTO, connect 10 s, request 120 s, {@link RetryPolicy#DEFAULT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.url = url;
        b.database = database;
        b.login = login;
        b.secret = secret;
        b.transport = transport;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.retryPolicy = retryPolicy;
        b.defaultContext.putAll(defaultContext);
        b.maxResponseBytes = maxResponseBytes;
        b.listener = listener;
        return b;
    }

    /** Base URL of the server, e.g. {@code https://shop.example.com} (no trailing path). */
    public URI url() {
        return url;
    }

    /** Database name. */
    public String database() {
        return database;
    }

    /** Login of the user. */
    public String login() {
        return login;
    }

    /** Password or API key. Never log it. */
    public String secret() {
        return secret;
    }

    /** Wire protocol. */
    public Transport transport() {
        return transport;
    }

    /** TCP connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Timeout of one whole request (send, server work, receive). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Retry policy for idempotent reads. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Context sent with every call (lang, tz, allowed_company_ids, ...), read-only. */
    public Map<String, Object> defaultContext() {
        return defaultContext;
    }

    /** Responses longer than this fail with a non-retryable transport error. */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Listener for requests, responses and failures. */
    public OdooClientListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "OdooConfig{url=" + url + ", database=" + database + ", login=" + login
                + ", secret=****, transport=" + transport + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retryPolicy=" + retryPolicy
                + ", defaultContext=" + defaultContext + ", maxResponseBytes=" + maxResponseBytes + "}";
    }

    /** Builder for {@link OdooConfig}; {@link #build()} validates. */
    public static final class Builder {
        private URI url;
        private String database;
        private String login;
        private String secret;
        private Transport transport = Transport.AUTO;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private final Map<String, Object> defaultContext = new LinkedHashMap<>();
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private OdooClientListener listener = OdooClientListener.NONE;

        private Builder() {
        }

        /** Base URL, e.g. {@code http://localhost:8069}. */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url == null");
            try {
                return url(URI.create(url.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("url is not a valid URL: " + url, e);
            }
        }

        /** Base URL. */
        public Builder url(URI url) {
            this.url = Objects.requireNonNull(url, "url == null");
            return this;
        }

        /** Database name. */
        public Builder database(String database) {
            this.database = Objects.requireNonNull(database, "database == null");
            return this;
        }

        /** User login. */
        public Builder login(String login) {
            this.login = Objects.requireNonNull(login, "login == null");
            return this;
        }

        /** Password or API key. */
        public Builder secret(String secret) {
            this.secret = Objects.requireNonNull(secret, "secret == null");
            return this;
        }

        /** Wire protocol; default {@link Transport#AUTO}. */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport == null");
            return this;
        }

        /** TCP connect timeout. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout == null");
            return this;
        }

        /** Whole-request timeout. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout == null");
            return this;
        }

        /** Retry policy for idempotent reads. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy == null");
            return this;
        }

        /** Adds one default context entry, e.g. {@code context("lang", "en_US")}. */
        public Builder context(String key, Object value) {
            defaultContext.put(Objects.requireNonNull(key, "key == null"), value);
            return this;
        }

        /** Replaces the default context. */
        public Builder defaultContext(Map<String, ?> context) {
            Objects.requireNonNull(context, "context == null");
            defaultContext.clear();
            defaultContext.putAll(context);
            return this;
        }

        /** Cap on one response body in bytes. */
        public Builder maxResponseBytes(long bytes) {
            this.maxResponseBytes = bytes;
            return this;
        }

        /** Listener for metrics and logging. */
        public Builder listener(OdooClientListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener == null");
            return this;
        }

        /** Validates and builds. */
        public OdooConfig build() {
            require(url != null, "url is required (e.g. http://localhost:8069)");
            String scheme = url.getScheme();
            require(scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")),
                    "url must start with http:// or https://, was " + url);
            require(url.getHost() != null, "url has no host: " + url);
            require(database != null && !database.isBlank(), "database is required");
            require(login != null && !login.isBlank(), "login is required");
            require(secret != null && !secret.isEmpty(), "secret (password or API key) is required");
            require(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
            require(!requestTimeout.isNegative() && !requestTimeout.isZero(), "requestTimeout must be positive");
            require(maxResponseBytes > 0, "maxResponseBytes must be positive");
            return new OdooConfig(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
