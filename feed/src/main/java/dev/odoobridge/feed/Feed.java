package dev.odoobridge.feed;

import java.util.List;

/**
 * WatermelonDB's pull and push over the read model and Odoo, for one or many sources. Thread-safe. Made by
 * {@link Feeds#create(FeedConfig)}; close it to release its MongoDB connection.
 */
public interface Feed extends AutoCloseable {

    /**
     * The changes after the request's {@code lastPulledAt} (everything live for a first sync), within the scope.
     *
     * @throws FeedException {@link FeedException.Reason#FULL_RESYNC_REQUIRED} when {@code lastPulledAt} is older than
     *     the oldest retained change; {@link FeedException.Reason#OUT_OF_SCOPE} for a table outside the scope;
     *     {@link FeedException.Reason#BAD_REQUEST} for an unknown table
     */
    PullPage pull(FeedScope scope, PullRequest request);

    /**
     * Writes the change set through Odoo. Records Odoo refuses, and records changed in Odoo after
     * {@code lastPulledAt}, are rejected one by one; the others are written and re-synced.
     *
     * @param lastPulledAt the client's last pull's {@code timestamp}
     * @throws FeedException when the change set is refused as a whole (nothing is written then)
     */
    PushResult push(FeedScope scope, long lastPulledAt, ChangeSet changes);

    /**
     * Parses a pushed change set (WatermelonDB's JSON) against the configured tables.
     *
     * @throws FeedException {@link FeedException.Reason#BAD_REQUEST} naming the table, record and column of the first
     *     problem; {@link FeedException.Reason#TOO_LARGE} over {@link FeedConfig#maxPushBytes()}
     */
    ChangeSet parseChanges(byte[] json);

    /** The configured tables. */
    List<FeedTable> tables();

    /** The configuration. */
    FeedConfig config();

    @Override
    void close();
}
