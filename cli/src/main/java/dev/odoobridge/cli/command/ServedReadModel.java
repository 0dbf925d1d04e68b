package dev.odoobridge.cli.command;

import dev.odoobridge.access.ApiKeys;
import dev.odoobridge.access.RateLimit;
import dev.odoobridge.access.RateLimiter;
import dev.odoobridge.api.ReadApi;
import dev.odoobridge.cli.config.BridgeConfig;
import dev.odoobridge.cli.config.FeedColumnSpec;
import dev.odoobridge.cli.runtime.BridgeRuntime;
import dev.odoobridge.feed.ChangeSequence;
import dev.odoobridge.feed.Feed;
import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedHandler;
import dev.odoobridge.feed.FeedTable;
import dev.odoobridge.feed.FeedTables;
import dev.odoobridge.feed.Feeds;
import dev.odoobridge.feed.Resync;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.serve.Serve;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.sync.webhook.RecordFetcher;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * What {@code serve} offers the read model's consumers, behind one set of API keys and one rate limiter: the
 * offline-sync feed under {@code /sync/<source>/pull|push} and the read API under {@code /api/v1/<source>/...}.
 * Closing it releases their MongoDB clients.
 */
final class ServedReadModel implements AutoCloseable {
    private final Feed feed;
    private final ReadApi api;

    private ServedReadModel(Feed feed, ReadApi api) {
        this.feed = feed;
        this.api = api;
    }

    /** Builds both over the runtime's read model, state database and Odoo clients, and mounts them on {@code serve}. */
    static ServedReadModel mount(BridgeRuntime rt, StateDatabase db, Serve.Builder serve) {
        BridgeConfig config = rt.config();
        ReadModel readModel = rt.readModel();
        ApiKeys keys = ApiKeys.of(db);
        RateLimiter limiter = new RateLimiter(RateLimit.DEFAULT);
        BridgeConfig.FeedSettings settings = config.feed();
        List<FeedTable> tables = feedTables(settings, readModel);
        FeedConfig.Builder fb = FeedConfig.builder().readModel(readModel.connectionString(), config.mongo().database())
                .sequence(ChangeSequence.of(readModel.changes())).tables(tables).projections(readModel.projections())
                .pageSize(settings.pageSize()).maxPushBytes(settings.maxPushBytes())
                .sendCreatedAsUpdated(settings.sendCreatedAsUpdated()).stateDatabase(db)
                .resync(Resync.through(RecordFetcher.odoo(rt.odooClients()), rt.serverSchemas(), readModel.projector()));
        rt.odooClients().forEach(fb::source);
        Feed feed = Feeds.create(fb.build());
        try {
            ReadApi api = ReadApi.builder(readModel, readModel.connectionString()).database(config.mongo().database())
                    .apiKeys(keys).rateLimiter(limiter).build();
            serve.mount("/sync/", new ContextHandler(FeedHandler.withApiKeys(feed, keys, limiter), "/sync"));
            serve.mount("/api/v1/", api.handler());
            return new ServedReadModel(feed, api);
        } catch (RuntimeException e) {
            feed.close();
            throw e;
        }
    }

    /**
     * The configured tables whose model this read model holds (a child table only with its parent), with the
     * configured columns: a shop that syncs no sale orders serves no {@code sale_orders}.
     */
    static List<FeedTable> feedTables(BridgeConfig.FeedSettings settings, ReadModel readModel) {
        Set<String> synced = readModel.projections().stream().map(Projection::model).collect(Collectors.toSet());
        List<FeedTable> held = FeedTables.retail().stream()
                .filter(t -> settings.tables().contains(t.name()) && synced.contains(t.model()))
                .map(t -> settings.columns().containsKey(t.name())
                        ? FeedColumnSpec.apply(t, settings.columns().get(t.name())) : t)
                .toList();
        return held.stream().filter(t -> t.parent() == null
                || held.stream().anyMatch(p -> p.name().equals(t.parent().parentTable()))).toList();
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            feed.close();
        }
    }
}
