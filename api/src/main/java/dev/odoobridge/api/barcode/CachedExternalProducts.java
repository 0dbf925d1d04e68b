package dev.odoobridge.api.barcode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cache and throttle in front of an external catalogue: products found are kept {@code ttl},
 * codes not found {@code negativeTtl}; at most one upstream call per {@code minInterval} (a call
 * that would come sooner is refused with {@link ExternalLookupException} and not cached); failures
 * are never cached. At most {@code maxEntries} codes are kept (oldest dropped). Thread-safe.
 */
public final class CachedExternalProducts implements ExternalProducts {
    private final ExternalProducts upstream;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final Duration minInterval;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Entry> cache;
    private Instant lastCall = Instant.MIN;
    private long upstreamCalls;

    private record Entry(Optional<ExternalProduct> product, Instant until) {
    }

    /** A cache over {@code upstream}. */
    public CachedExternalProducts(ExternalProducts upstream, Duration ttl, Duration negativeTtl, Duration minInterval,
                                  int maxEntries, Clock clock) {
        this.upstream = Objects.requireNonNull(upstream, "upstream == null");
        this.ttl = Objects.requireNonNull(ttl, "ttl == null");
        this.negativeTtl = Objects.requireNonNull(negativeTtl, "negativeTtl == null");
        this.minInterval = Objects.requireNonNull(minInterval, "minInterval == null");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > CachedExternalProducts.this.maxEntries;
            }
        };
    }

    /** Defaults: a day for products, an hour for unknown codes, one call a second, 10,000 codes. */
    public static CachedExternalProducts of(ExternalProducts upstream) {
        return new CachedExternalProducts(upstream, Duration.ofDays(1), Duration.ofHours(1), Duration.ofSeconds(1),
                10_000, Clock.systemUTC());
    }

    @Override
    public Optional<ExternalProduct> lookup(String gtin) {
        Objects.requireNonNull(gtin, "gtin == null");
        Instant now = clock.instant();
        synchronized (this) {
            Entry e = cache.get(gtin);
            if (e != null && now.isBefore(e.until())) {
                return e.product();
            }
            if (lastCall != Instant.MIN && now.isBefore(lastCall.plus(minInterval))) {
                throw new ExternalLookupException("external catalogue throttled: at most one call per " + minInterval);
            }
            lastCall = now;
            upstreamCalls++;
        }
        Optional<ExternalProduct> found = upstream.lookup(gtin);
        synchronized (this) {
            cache.put(gtin, new Entry(found, now.plus(found.isPresent() ? ttl : negativeTtl)));
        }
        return found;
    }

    /** How many calls went upstream (for tests and metrics). */
    public synchronized long upstreamCalls() {
        return upstreamCalls;
    }
}
