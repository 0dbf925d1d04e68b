package dev.odoobridge.feed.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.odoobridge.feed.ChangeSet;
import dev.odoobridge.feed.Feed;
import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedException;
import dev.odoobridge.feed.FeedException.Reason;
import dev.odoobridge.feed.FeedScope;
import dev.odoobridge.feed.FeedTable;
import dev.odoobridge.feed.PullPage;
import dev.odoobridge.feed.PullRequest;
import dev.odoobridge.feed.PushResult;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** The {@link Feed} over one MongoDB read model and, for pushes, the Odoo clients and the state database. */
public final class DefaultFeed implements Feed {
    private final FeedConfig config;
    private final MongoClient mongo;
    private final PullReader reader;
    private final PushWriter writer;
    private final ChangeSetParser parser;

    /** Connects to the read model of the configuration. */
    public DefaultFeed(FeedConfig config) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(config.connectionString()))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS)).build());
        MongoDatabase db = mongo.getDatabase(config.database());
        this.writer = config.stateDatabase().map(s -> new PushWriter(config, db, s.dataSource(), PushWriter.AfterCreate.NOTHING))
                .orElse(null);
        this.reader = new PullReader(db, config, writer == null ? ClientIds.NONE : writer.clientIds());
        this.parser = new ChangeSetParser(new ObjectMapper(), config);
    }

    @Override
    public PullPage pull(FeedScope scope, PullRequest request) {
        Objects.requireNonNull(scope, "scope == null");
        Objects.requireNonNull(request, "request == null");
        return reader.pull(scope, request);
    }

    @Override
    public PushResult push(FeedScope scope, long lastPulledAt, ChangeSet changes) {
        Objects.requireNonNull(scope, "scope == null");
        Objects.requireNonNull(changes, "changes == null");
        if (lastPulledAt < 1) {
            throw new FeedException(Reason.BAD_REQUEST, "last_pulled_at must be the timestamp of a pull, got "
                    + lastPulledAt, null, null, "last_pulled_at");
        }
        if (writer == null || config.clients().isEmpty()) {
            throw new FeedException(Reason.READ_ONLY, "this feed takes no pushes (no Odoo client or state database)");
        }
        return writer.push(scope, lastPulledAt, changes);
    }

    @Override
    public ChangeSet parseChanges(byte[] json) {
        return parser.parse(Objects.requireNonNull(json, "json == null"));
    }

    @Override
    public List<FeedTable> tables() {
        return config.tables();
    }

    @Override
    public FeedConfig config() {
        return config;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
