package dev.odoobridge.sync.schema;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.sync.internal.SchemaResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schemas of the synced models on every source, read from the servers ({@code fields_get} of
 * each synced model, one call per model) and cached per source. {@link #revalidate} (the sync engine
 * calls it at the start of every run) asks the server for its version, one cheap call, and re-reads
 * the fields when the version changed or the cached schema is older than the maximum age (a module
 * installed without an upgrade shows up within that age). Each model's schema carries a fingerprint
 * of the server version and the model's field names and types; the engine re-reads a model whole
 * when its read fields changed. Thread-safe.
 */
public final class ServerSchemas {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSchemas.class);
    private static final List<String> ATTRIBUTES = List.of("type", "string", "relation", "required", "readonly", "store");

    private final Map<String, OdooClient> clients;
    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, SourceSchema> cache = new ConcurrentHashMap<>();

    /**
     * @param clients one client per source name
     * @param projections the synced models and the fields wanted of each
     * @param clock time source for the cache age
     * @param maxAge how long a schema is used without re-reading it when the server version did not change
     */
    public ServerSchemas(Map<String, OdooClient> clients, List<Projection> projections, Clock clock, Duration maxAge) {
        this.clients = Map.copyOf(Objects.requireNonNull(clients, "clients == null"));
        Objects.requireNonNull(projections, "projections == null").forEach(p -> this.projections.put(p.model(), p));
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge == null");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
        }
    }

    /** Over these clients and projections, with the system clock and a maximum age of 10 minutes. */
    public static ServerSchemas of(Map<String, OdooClient> clients, List<Projection> projections) {
        return new ServerSchemas(clients, projections, Clock.systemUTC(), Duration.ofMinutes(10));
    }

    /**
     * The cached schema of the source, read first when none is cached or it is older than the maximum
     * age. Makes no call while the cached schema is fresh.
     *
     * @throws IllegalArgumentException when the source is unknown
     * @throws RuntimeException any Odoo failure while reading
     */
    public SourceSchema current(String source) {
        SourceSchema cached = cache.get(source);
        if (cached != null && !expired(cached)) {
            return cached;
        }
        return refresh(source);
    }

    /**
     * Asks the server for its version and returns the cached schema when the version is the one it
     * was read on and it is younger than the maximum age; else reads it again.
     */
    public SourceSchema revalidate(String source) {
        SourceSchema cached = cache.get(source);
        if (cached == null || expired(cached)) {
            return refresh(source);
        }
        String version = client(source).version().serverVersion();
        return version.equals(cached.serverVersion()) ? cached : refresh(source);
    }

    /** Reads the source's schema from its server now and caches it. */
    public SourceSchema refresh(String source) {
        OdooClient client = client(source);
        String version = client.version().serverVersion();
        Map<String, ModelSchema> models = new LinkedHashMap<>();
        Map<String, SchemaException> problems = new LinkedHashMap<>();
        for (Projection p : projections.values()) {
            try {
                models.put(p.model(), read(client, source, version, p));
            } catch (SchemaException e) {
                problems.put(p.model(), e);
            }
        }
        SourceSchema schema = new SourceSchema(source, version, models, problems,
                SchemaResolver.features(models, projections.keySet()), clock.instant());
        SourceSchema previous = cache.put(source, schema);
        log(schema, previous);
        return schema;
    }

    /** The schema last read for the source, without any call. */
    public java.util.Optional<SourceSchema> cached(String source) {
        return java.util.Optional.ofNullable(cache.get(source));
    }

    /**
     * The fields to read of a synced model on a source ({@code id} and {@code write_date} first).
     *
     * @throws SchemaException when the model cannot be read there
     */
    public List<String> readFields(String source, String model) {
        return current(source).model(model).readFields();
    }

    private ModelSchema read(OdooClient client, String source, String version, Projection p) {
        ModelDefinition definition;
        try {
            definition = client.model(p.model()).fieldsGet(ATTRIBUTES);
        } catch (UnsupportedOperationException e) {
            return SchemaResolver.unchecked(p);
        } catch (UnknownModelException e) {
            String module = SchemaResolver.moduleOf(p.model());
            throw new SchemaException(SchemaException.Kind.MISSING_MODULE, source, p.model(), List.of(),
                    "model " + p.model() + " does not exist on " + source + " (Odoo " + version
                            + "); install the Odoo module " + module + " or stop syncing it (sync.models)");
        }
        return SchemaResolver.resolve(source, version, p, definition);
    }

    private boolean expired(SourceSchema schema) {
        return !schema.readAt().plus(maxAge).isAfter(clock.instant());
    }

    private OdooClient client(String source) {
        OdooClient client = clients.get(Objects.requireNonNull(source, "source == null"));
        if (client == null) {
            throw new IllegalArgumentException("unknown source '" + source + "'; configured: " + clients.keySet());
        }
        return client;
    }

    private static void log(SourceSchema schema, SourceSchema previous) {
        boolean changed = previous == null || !previous.serverVersion().equals(schema.serverVersion())
                || !fingerprints(previous).equals(fingerprints(schema));
        if (!changed) {
            return;
        }
        LOG.info("{}: Odoo {} schema read ({} models)", schema.source(), schema.serverVersion(), schema.models().size());
        for (FeatureState f : schema.features()) {
            if (!f.on()) {
                LOG.info("{}: {}", schema.source(), f.describe());
            }
        }
        schema.problems().values().forEach(e -> LOG.warn("{}: {}", schema.source(), e.getMessage()));
    }

    private static Map<String, String> fingerprints(SourceSchema s) {
        Map<String, String> out = new LinkedHashMap<>();
        s.models().forEach((m, ms) -> out.put(m, ms.fingerprint()));
        return out;
    }
}
