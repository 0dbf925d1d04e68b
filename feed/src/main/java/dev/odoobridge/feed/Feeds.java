package dev.odoobridge.feed;

import dev.odoobridge.feed.internal.DefaultFeed;
import java.util.Objects;

/** Creates {@link Feed}s. */
public final class Feeds {
    private Feeds() {
    }

    /** A feed over the configured read model (it opens its own MongoDB connection; close the feed to release it). */
    public static Feed create(FeedConfig config) {
        return new DefaultFeed(Objects.requireNonNull(config, "config == null"));
    }
}
