package dev.odoobridge.api;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.odoobridge.access.ApiKeyAuth;
import dev.odoobridge.access.ApiKeys;
import dev.odoobridge.access.RateLimit;
import dev.odoobridge.access.RateLimiter;
import dev.odoobridge.api.barcode.ExternalProducts;
import dev.odoobridge.api.barcode.Nomenclature;
import dev.odoobridge.api.internal.ApiAssembly;
import dev.odoobridge.api.internal.ApiHandler;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.spi.StoreReads;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.Deflater;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.compression.CompressionPool;
import org.eclipse.jetty.util.compression.DeflaterPool;

/**
 * The read API as one Jetty 12 handler: gzip, then API-key authentication ({@link ApiKeyAuth}: 401,
 * 403, 429, CORS), then the routes. Mount it where its prefix is (by default the handler expects the
 * path in context to start with {@code /api/v1/}; mounted in a {@code ContextHandler} at
 * {@code /api/v1}, give {@code pathPrefix("/")}).
 *
 * <pre>{@code
 * try (ReadApi api = ReadApi.builder(readModel, "mongodb://localhost/odoo_bridge").apiKeys(keys).build()) {
 *     server.setHandler(api.handler());
 * }
 * }</pre>
 *
 * Routes ({@code /api/v1/openapi.json} lists them with their parameters): products, categories,
 * partners, sale-orders, purchase-orders (with {@code /{id}} details), stock, lots,
 * lots/expired, lots/near-expiry, alerts, reports/stock-status|velocity|forecast|sales|top-products|
 * customer-activity, dashboard and barcode/{code}, each under {@code /{source}/}.
 */
public final class ReadApi implements AutoCloseable {
    /** Answers shorter than this go uncompressed. */
    private static final int GZIP_MIN_SIZE = 512;
    private final MongoClient client;
    private final Handler handler;
    private final ApiHandler routes;

    private ReadApi(Builder b) {
        ConnectionString cs = new ConnectionString(b.mongoUri);
        String database = b.database != null ? b.database : cs.getDatabase();
        if (database == null) {
            throw new IllegalArgumentException("name the read model's database in the connection string or with database()");
        }
        this.client = MongoClients.create(cs);
        Optional<StoreReads> inProcess = b.inProcessReads ? StoreReads.inProcess(b.mongoUri) : Optional.empty();
        this.routes = ApiAssembly.handler(b.prefix, client.getDatabase(database), inProcess, b.model, b.clock, b.zone,
                b.nomenclature, b.external);
        ApiKeyAuth auth = ApiKeyAuth.builder(b.keys).pathPrefix(b.prefix).rateLimiter(b.limiter)
                .corsOrigins(b.corsOrigins).openPaths(ApiHandler::isOpen).handler(routes).build();
        GzipHandler gzip = new GzipHandler();
        gzip.setMinGzipSize(GZIP_MIN_SIZE);
        // the fastest level: on pages of JSON it compresses nearly as well as the default at a fraction of the CPU
        gzip.setDeflaterPool(new DeflaterPool(CompressionPool.DEFAULT_CAPACITY, Deflater.BEST_SPEED, true));
        gzip.addIncludedMimeTypes("application/json", "application/problem+json");
        gzip.setHandler(auth);
        this.handler = gzip;
    }

    /**
     * A builder over the read model and the connection string of its MongoDB (for the embedded store,
     * {@code readModel.describe()}).
     */
    public static Builder builder(ReadModel readModel, String mongoUri) {
        return new Builder(readModel, mongoUri);
    }

    /** The handler to mount. */
    public Handler handler() {
        return handler;
    }

    /** The route templates under {@code /{source}/}, as documented in the OpenAPI document. */
    public List<String> routeTemplates() {
        return ApiAssembly.templates(routes);
    }

    /** Closes the MongoDB connection. */
    @Override
    public void close() {
        client.close();
    }

    /** Builds a {@link ReadApi}. */
    public static final class Builder {
        private final ReadModel model;
        private final String mongoUri;
        private String database;
        private ApiKeys keys;
        private RateLimiter limiter = new RateLimiter(RateLimit.DEFAULT);
        private List<String> corsOrigins = List.of();
        private String prefix = "/api/v1/";
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneOffset.UTC;
        private Nomenclature nomenclature = Nomenclature.odooDefault();
        private Optional<ExternalProducts> external = Optional.empty();
        private boolean inProcessReads = true;

        private Builder(ReadModel model, String mongoUri) {
            this.model = Objects.requireNonNull(model, "readModel == null");
            this.mongoUri = Objects.requireNonNull(mongoUri, "mongoUri == null");
        }

        /** The database name when the connection string has none. */
        public Builder database(String name) {
            this.database = Objects.requireNonNull(name, "name == null");
            return this;
        }

        /** The key store (required). */
        public Builder apiKeys(ApiKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys == null");
            return this;
        }

        /** The per-key rate (default {@link RateLimit#DEFAULT}). */
        public Builder rateLimiter(RateLimiter limiter) {
            this.limiter = Objects.requireNonNull(limiter, "limiter == null");
            return this;
        }

        /** Origins allowed for every key (each key may add its own). */
        public Builder corsOrigins(List<String> origins) {
            this.corsOrigins = List.copyOf(origins);
            return this;
        }

        /** The path prefix before the source (default {@code /api/v1/}); starts and ends with '/'. */
        public Builder pathPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix == null");
            if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
                throw new IllegalArgumentException("path prefix must start and end with '/': " + prefix);
            }
            this.prefix = prefix;
            return this;
        }

        /** The clock for "today" and expiry windows. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** The shop's time zone for "today" and sales days (default UTC). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone == null");
            return this;
        }

        /** The barcode nomenclature (default {@link Nomenclature#odooDefault()}). */
        public Builder nomenclature(Nomenclature nomenclature) {
            this.nomenclature = Objects.requireNonNull(nomenclature, "nomenclature == null");
            return this;
        }

        /** An external catalogue for unknown barcodes (off by default), e.g. a cached {@code OpenFoodFacts}. */
        public Builder externalProducts(ExternalProducts external) {
            this.external = Optional.of(external);
            return this;
        }

        /**
         * Whether pages and single documents are read from the embedded store directly when it serves the connection
         * string from this process (default true: no wire protocol, no driver decoding). False reads them with the
         * driver as from any MongoDB (to compare both; the answers are the same). Any other MongoDB is always read
         * with the driver.
         */
        public Builder inProcessReads(boolean inProcessReads) {
            this.inProcessReads = inProcessReads;
            return this;
        }

        /** The API. */
        public ReadApi build() {
            if (keys == null) {
                throw new IllegalStateException("apiKeys(...) is required");
            }
            return new ReadApi(this);
        }
    }
}
