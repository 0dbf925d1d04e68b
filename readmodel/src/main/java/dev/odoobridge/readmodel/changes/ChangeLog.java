package dev.odoobridge.readmodel.changes;

import java.time.Duration;

/**
 * The change sequence of one read-model database: how far a reader of changes may safely read, and since when
 * deletions are still known.
 *
 * <h2>What the projector writes</h2>
 * <ul>
 *   <li>Every document it inserts or changes in a model collection, and every document of a derived stock view
 *       ({@code product_stock}, {@code lot_stock}) it inserts or changes, carries {@value #SEQUENCE_FIELD}: an int64
 *       taken from the database's counter when the change is applied (never Odoo's {@code write_date}, which is a
 *       transaction's start time), higher than every safe sequence answered before the change was applied, so a
 *       reader that went up to a safe sequence sees every later change of the document. A write that changes nothing keeps the stored sequence: a stale record skipped by the
 *       version guard, and a record re-read from Odoo with the same content (only {@code _fetched_at} /
 *       {@code _synced_at} differ) or a view document recomputed to the same values.</li>
 *   <li>Every document it deletes (by id, by the reconciliation, on a webhook's unlink, by a reset, a stock-view
 *       document that no longer has anything to show) leaves a tombstone in {@value #TOMBSTONES}:
 *       {@code {_id: "<collection>|<document _id>", coll: "<collection>", docId: <the deleted _id>,
 *       _source: <source>, _seq: <int64>, deletedAt: <date>}}. Writing the document again removes its tombstone.
 *       Live documents are indexed by {@code {_source: 1, _seq: 1}}, tombstones by
 *       {@code {coll: 1, _source: 1, _seq: 1}}.</li>
 *   <li>Sequences are unique, but not dense: a writer reserves them in blocks and leaves the unused rest of a
 *       block (and the sequences of writes that turned out stale) unused.</li>
 * </ul>
 *
 * <h2>Reading changes</h2>
 * A pull "since {@code s}" takes {@code t = safeSequence()} first, then reads live documents and tombstones with
 * {@code s < _seq <= t} (filtered by {@code _source} first), then checks {@code oldestRetained() <= s} (after the
 * read: a purge that ran meanwhile raised it before it removed anything); if that fails the client needs a full
 * resync. The next pull is "since {@code t}". Where a live document and a tombstone of the same id are both
 * within the range, the one with the higher {@code _seq} is the current state.
 *
 * <h2>Why {@link #safeSequence()} is safe</h2>
 * The counter is one document in {@code _sequences}, raised by {@code findOneAndUpdate($inc: n)} (atomic on every
 * MongoDB, and on the embedded store, whose collections serialize it). Every writer works in batches (a page with
 * the view documents it changes, or a delete): before it reserves its first block it inserts a registration into
 * {@code _inflight} holding a floor {@code f = c + 1}, where {@code c} is a counter value it observed earlier (the
 * counter never goes down, so every block it reserves afterwards starts at {@code f} or above), and an expiry;
 * it removes the registration only after MongoDB acknowledged every write of the batch (on the embedded store,
 * after the batch's commit). A reader reads the counter ({@code C}), then the live registrations, and answers
 * {@code min(C, lowest floor - 1)}. Take any write with sequence {@code q <= t} that is not visible when the reader
 * answered {@code t}. Its block was reserved either after the reader read {@code C}, then {@code q > C >= t}, a
 * contradiction; or before, so the writer's registration (inserted before the reservation) was there when the
 * reader read the registrations, and still there (it goes only once the write is acknowledged), so
 * {@code t < f <= q}, again a contradiction. Hence no change with a sequence {@code <= t} can appear after
 * {@code t} was answered. A process keeps the highest value it answered and never answers less (a safe value
 * stays safe), so a reader in one process sees it grow monotonically.
 *
 * <p>The argument assumes: a writer finishes each write command within its registration's expiry (two minutes,
 * renewed while a batch runs; a crashed writer's registration holds the safe sequence back until it expires, the
 * embedded store clears them when it opens, as its only writer is the process opening it); clocks of writers and
 * readers agree to well within that; and acknowledged writes are not rolled back (on a replica set, use
 * {@code w=majority} in the connection string).
 *
 * <p>Durability on the embedded store: a batch is committed (counter included) before its registration is
 * removed, so every sequence up to an answered safe value is in the file; a crash loses only batches that were
 * still registered, whose sequences were never below a safe value, and the caller, never told they were applied,
 * applies them again with new sequences.
 */
public interface ChangeLog {
    /** The field holding a document's or tombstone's change sequence (int64). */
    String SEQUENCE_FIELD = "_seq";
    /** The collection of tombstones. */
    String TOMBSTONES = "_tombstones";

    /**
     * A sequence no change can still appear at or below: every live document and tombstone with a sequence up to
     * it is visible now and stays as it is until a later change with a higher sequence. 0 when nothing was
     * applied yet. Never lower than a value this object answered before.
     */
    long safeSequence();

    /**
     * The lowest {@code since} a pull can still be answered from: tombstones with sequences up to it may have been
     * purged, so a client whose last safe sequence is lower needs a full resync. 0 until the first purge removed
     * something.
     */
    long oldestRetained();

    /**
     * Deletes tombstones older than the horizon (by {@code deletedAt}) after raising {@link #oldestRetained()} to
     * the highest sequence among them. Returns how many were deleted.
     */
    int purgeTombstones(Duration horizon);

    /** {@link #purgeTombstones(Duration)} with the configured horizon ({@code ReadModelConfig.tombstoneHorizon}, 30 days by default). */
    int purgeTombstones();
}
