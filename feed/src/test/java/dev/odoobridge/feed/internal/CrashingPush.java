package dev.odoobridge.feed.internal;

import dev.odoobridge.feed.ChangeSet;
import dev.odoobridge.feed.FeedConfig;
import dev.odoobridge.feed.FeedScope;

/** A push that stops dead right after the Odoo create, before the device id's mapping is stored. */
public final class CrashingPush {
    private CrashingPush() {
    }

    /** Thrown at the crash point. */
    static final class Died extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Pushes until the first Odoo create has returned, then stops as a killed process would. */
    public static void pushAndDieAfterCreate(FeedConfig config, FeedScope scope, long lastPulledAt, ChangeSet changes) {
        PushWriter writer = new PushWriter(config, null, config.stateDatabase().orElseThrow().dataSource(),
                (s, m, c, id) -> {
                    if (m.equals("sale.order")) {
                        throw new Died();
                    }
                });
        try {
            writer.push(scope, lastPulledAt, changes);
        } catch (Died expected) {
            return;
        }
        throw new AssertionError("the push did not reach its crash point");
    }
}
