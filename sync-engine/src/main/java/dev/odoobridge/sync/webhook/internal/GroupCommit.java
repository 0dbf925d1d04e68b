package dev.odoobridge.sync.webhook.internal;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores accepted posts in the inbox with group commit: posts that arrive while a transaction is
 * being written queue up, and the next committer writes everything queued in one transaction (one
 * batch of inserts, one NOTIFY, one commit) and hands each waiting post its event id. There is no
 * batching window: the committer is simply the first waiting post's own thread, so a lone post
 * commits at once, and under load each commit takes what queued behind the previous one.
 *
 * <p>Durability is the same as one transaction per post: {@link #insert} returns only after that
 * post's row is committed. A data error in one row (SQLSTATE class 22) rolls the group back and it
 * is written again one row per transaction, so only that post is refused; any other failure (the
 * database unavailable) is thrown to every post of the group. At most {@code capacity} posts wait
 * at once; more are refused as busy. Thread-safe.
 */
final class GroupCommit {
    /** Most posts waiting at once, by default (well above the HTTP server's worker threads). */
    static final int DEFAULT_CAPACITY = 1024;
    /** Most rows in one transaction, by default. */
    static final int DEFAULT_MAX_GROUP = 256;

    private final InboxRepository inbox;
    private final int capacity;
    private final int maxGroup;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final AtomicLong transactions = new AtomicLong();
    private boolean committing;

    /** One post waiting for its commit; its outcome is written and read under the monitor of the group. */
    private static final class Waiter {
        final InboxRepository.NewEvent event;
        boolean done;
        boolean stored;
        long id;
        SQLException failure;
        RuntimeException crash;

        Waiter(InboxRepository.NewEvent event) {
            this.event = event;
        }
    }

    /** The post was not queued: too many posts are already waiting for a commit. */
    static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;

        Busy(int capacity) {
            super(capacity + " posts are already waiting for the inbox", null, false, false);
        }
    }

    GroupCommit(InboxRepository inbox) {
        this(inbox, DEFAULT_CAPACITY, DEFAULT_MAX_GROUP);
    }

    GroupCommit(InboxRepository inbox, int capacity, int maxGroup) {
        this.inbox = Objects.requireNonNull(inbox, "inbox == null");
        if (capacity <= 0 || maxGroup <= 0) {
            throw new IllegalArgumentException("capacity and maxGroup must be positive, were " + capacity + ", " + maxGroup);
        }
        this.capacity = capacity;
        this.maxGroup = maxGroup;
    }

    /**
     * Stores the post and returns its event id once its row is committed.
     *
     * @throws SQLException the row was not stored (a data error of this row, or the database failed)
     * @throws Busy {@code capacity} posts are already waiting; nothing was stored
     */
    long insert(String source, ParsedPost post) throws SQLException, Busy {
        Waiter me = new Waiter(new InboxRepository.NewEvent(source, post));
        synchronized (this) {
            if (queue.size() >= capacity) {
                throw new Busy(capacity);
            }
            queue.add(me);
        }
        boolean interrupted = false;
        try {
            while (true) {
                List<Waiter> group;
                synchronized (this) {
                    while (!me.done && committing) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // the row may be in the transaction being written: wait for its outcome
                            interrupted = true;
                        }
                    }
                    if (me.done) {
                        return outcome(me);
                    }
                    // nobody is committing and this post still waits: commit what is queued, this post included
                    // unless more than maxGroup are ahead of it (then the next round takes it)
                    committing = true;
                    group = drain();
                }
                commit(group);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Takes up to {@code maxGroup} queued waiters, oldest first. Called holding the monitor. */
    private List<Waiter> drain() {
        List<Waiter> group = new ArrayList<>(Math.min(queue.size(), maxGroup));
        while (!queue.isEmpty() && group.size() < maxGroup) {
            group.add(queue.poll());
        }
        return group;
    }

    /** Writes the group, then publishes every outcome and lets the next committer in. Never throws. */
    private void commit(List<Waiter> group) {
        try {
            write(group);
        } catch (RuntimeException e) {
            for (Waiter w : group) {
                w.crash = e;
            }
        } finally {
            synchronized (this) {
                for (Waiter w : group) {
                    w.done = true;
                }
                committing = false;
                notifyAll();
            }
        }
    }

    private void write(List<Waiter> group) {
        if (group.size() == 1) {
            writeAlone(group.get(0));
            return;
        }
        List<InboxRepository.NewEvent> events = new ArrayList<>(group.size());
        for (Waiter w : group) {
            events.add(w.event);
        }
        try {
            long[] ids = inbox.insertAll(events);
            transactions.incrementAndGet();
            for (int i = 0; i < ids.length; i++) {
                group.get(i).id = ids[i];
                group.get(i).stored = true;
            }
        } catch (SQLException e) {
            if (!dataError(e)) {
                for (Waiter w : group) {
                    w.failure = e;
                }
                return;
            }
            // one row cannot be stored: find it by writing the group again a row at a time
            for (Waiter w : group) {
                writeAlone(w);
            }
        }
    }

    private void writeAlone(Waiter w) {
        try {
            w.id = inbox.insertAll(List.of(w.event))[0];
            w.stored = true;
            transactions.incrementAndGet();
        } catch (SQLException e) {
            w.failure = e;
        }
    }

    private static long outcome(Waiter w) throws SQLException {
        if (w.failure != null) {
            throw w.failure;
        }
        if (w.crash != null) {
            throw w.crash;
        }
        if (!w.stored) {
            // the committer stopped with an Error before this post's outcome was known
            throw new IllegalStateException("the commit of this post did not complete");
        }
        return w.id;
    }

    /** True when the failure is about the data of a row (SQLSTATE class 22), here or in a chained exception. */
    static boolean dataError(SQLException e) {
        return dataErrorOf(e) != null;
    }

    /** The message of the data error in this failure (the database's own words, not the batch's wrapper). */
    static String dataErrorMessage(SQLException e) {
        SQLException found = dataErrorOf(e);
        return (found == null ? e : found).getMessage();
    }

    private static SQLException dataErrorOf(SQLException e) {
        SQLException batchWrapper = null;
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getCause() instanceof SQLException cause && isData(cause)) {
                return cause;
            }
            if (isData(s)) {
                if (!(s instanceof java.sql.BatchUpdateException)) {
                    return s;
                }
                batchWrapper = s;
            }
        }
        return batchWrapper;
    }

    private static boolean isData(SQLException s) {
        return s.getSQLState() != null && s.getSQLState().startsWith("22");
    }

    /** Transactions committed so far (a group, or a row written alone). */
    long transactions() {
        return transactions.get();
    }

    /** Posts queued for the next commit right now. */
    synchronized int queued() {
        return queue.size();
    }
}
