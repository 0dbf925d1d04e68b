package dev.odoobridge.readmodel.internal;

import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * A view derived from projected collections and kept up to date by the projector: after every
 * applied page or delete it gets the documents as they were before (only the fields it asked for)
 * and as they are now, and recomputes what they affect.
 */
interface DerivedView {

    /** Fields of the model's documents the view needs from the state before a change; empty when the model does not concern it. */
    Set<String> dependencyFields(String model);

    /**
     * Called after a change to documents of the model; the view's own writes take their sequences from {@code batch}.
     *
     * @param before the changed documents as stored before the change (dependency fields only; absent for
     *               new documents); a document here but not in {@code after} was deleted
     * @param after documents now written (empty for deletes)
     */
    void changed(ChangeBatch batch, String source, String model, List<Document> before, List<Document> after);

    /** Called after every document of the model for the source was removed. */
    void cleared(ChangeBatch batch, String source, String model);
}
