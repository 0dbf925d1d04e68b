package dev.odoobridge.feed.internal;

import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedException;
import dev.odoobridge.feed.FeedException.Reason;
import dev.odoobridge.feed.FeedScope;
import dev.odoobridge.feed.FeedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which configured tables a caller may read or write. */
final class TableScope {
    private TableScope() {
    }

    /**
     * The tables a pull covers: those asked for (all the scope allows when none), in configuration order.
     *
     * @throws FeedException for an unknown table or one outside the scope
     */
    static List<FeedTable> readable(FeedConfig config, FeedScope scope, Set<String> asked) {
        for (String name : asked) {
            FeedTable t = config.table(name).orElseThrow(() -> new FeedException(Reason.BAD_REQUEST,
                    "unknown table '" + name + "'", name, null, null));
            check(scope, t);
        }
        List<FeedTable> out = new ArrayList<>();
        for (FeedTable t : config.tables()) {
            boolean wanted = asked.isEmpty() ? allowed(scope, t) : asked.contains(t.name());
            if (wanted) {
                out.add(t);
            }
        }
        return out;
    }

    /** Refuses a table outside the scope. */
    static void check(FeedScope scope, FeedTable t) {
        if (!allowed(scope, t)) {
            throw new FeedException(Reason.OUT_OF_SCOPE, "table '" + t.name() + "' is outside this key's scope",
                    t.name(), null, null);
        }
    }

    private static boolean allowed(FeedScope scope, FeedTable t) {
        return scope.allowsTable(t.name()) && (!scope.vendorScoped() || t.vendorScoped());
    }
}
