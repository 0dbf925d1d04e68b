/**
 * The read model's change sequence and tombstones, for consumers that ask "what changed since": every
 * document the projector writes into a model collection or a derived stock-view collection carries
 * {@value dev.odoobridge.readmodel.changes.ChangeLog#SEQUENCE_FIELD} (int64), assigned when the change is
 * applied, strictly increasing per read-model database; a deleted document leaves a tombstone in
 * {@value dev.odoobridge.readmodel.changes.ChangeLog#TOMBSTONES}. {@link dev.odoobridge.readmodel.changes.ChangeLog}
 * (from {@link dev.odoobridge.readmodel.ReadModel#changes()}) says up to which sequence a reader may safely read
 * and since which sequence tombstones are kept; its Javadoc holds the argument why the safe sequence is safe.
 */
package dev.odoobridge.readmodel.changes;
