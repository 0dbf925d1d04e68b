package dev.odoobridge.readmodel.internal;

import dev.odoobridge.readmodel.ReadModelException;
import java.time.Instant;

/**
 * The sequences of one batch of changes (a page with the view documents it changes, or a delete), used by one
 * thread. It registers with the {@link MongoChangeLog} before it reserves its first block and reserves blocks
 * only when a change needs a sequence (a page that changes nothing costs no round trip), each at least as large
 * as {@link #expect expected}, so that a page with its views usually takes one counter round trip. Closing it
 * ends the registration: only once every write made with its sequences is acknowledged (and, on the embedded
 * store, committed). {@link #failed()} may leave the registration to expire instead, for a batch whose writes
 * may still land.
 */
final class ChangeBatch implements AutoCloseable {
    private final MongoChangeLog log;
    private String token;
    private Instant expires;
    private long next = 1;
    private long last;
    private int expected = 1;

    ChangeBatch(MongoChangeLog log) {
        this.log = log;
    }

    /** Sizes the next reservation for at least this many changes. */
    void expect(int changes) {
        expected = Math.max(expected, changes);
    }

    /** The next sequence of this batch, reserving a block when none is left. */
    long next() {
        if (next > last) {
            if (token == null) {
                token = MongoChangeLog.newToken();
                expires = log.register(token);
            } else {
                checkLease();
            }
            int n = Math.max(1, expected);
            last = log.reserve(n);
            next = last - n + 1;
        }
        return next++;
    }

    /**
     * Called before a write command carrying this batch's sequences: renews the registration once half its lease
     * is gone, and fails the batch (so that it is applied again, with new sequences) when it may have expired for
     * a reader, whose safe sequence could then have passed the sequences it holds. Registrations kept in this
     * process (the embedded store) do not expire.
     */
    void checkLease() {
        if (token == null || log.registersInProcess()) {
            return; // a registration in this process does not expire: it ends when the batch does
        }
        Instant now = log.leaseNow();
        if (!now.isBefore(expires.minus(log.lease().dividedBy(4)))) {
            throw new ReadModelException("a batch of read-model changes took longer than its registration's lease ("
                    + log.lease() + "); it was not applied and must be applied again");
        }
        if (!now.isBefore(expires.minus(log.lease().dividedBy(2)))) {
            Instant renewed = now.plus(log.lease());
            if (!log.renew(token, renewed)) {
                throw new ReadModelException("the registration of a batch of read-model changes was removed as expired;"
                        + " the batch was not applied and must be applied again");
            }
            expires = renewed;
        }
    }

    /** Whether a sequence was taken (the batch registered). */
    boolean used() {
        return token != null;
    }

    @Override
    public void close() {
        if (token != null) {
            log.unregister(token);
            token = null;
        }
    }

    /**
     * Ends a batch that failed: a registration in this process ends (its writes failed synchronously); one in
     * MongoDB is left to expire, as a write of the batch may still be on its way.
     */
    void failed() {
        if (log.registersInProcess()) {
            close();
        } else {
            token = null;
        }
    }
}
