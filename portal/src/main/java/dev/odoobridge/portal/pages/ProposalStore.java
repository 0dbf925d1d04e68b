package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.pages.internal.PostgresProposalStore;
import dev.odoobridge.sync.state.StateDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The restock proposals vendors submitted through the portal, and the one-time tokens of the proposal forms. */
public interface ProposalStore {

    /**
     * Claims a form token once: true the first time, false when it was already claimed (a double submit), atomically
     * under concurrency.
     */
    boolean claim(String token, String vendor, String source, Instant at);

    /** Gives back a token whose proposal could not be created, so the vendor can submit the form again. */
    void release(String token);

    /** Records a created proposal under the token that claimed it. */
    void record(Proposal proposal, String token);

    /** The vendor's proposals, newest first. */
    List<Proposal> proposals(String vendor);

    /** One of the vendor's proposals; empty when it is unknown or another vendor's. */
    Optional<Proposal> proposal(String vendor, String source, long orderId);

    /** The store in the state database (tables of migration V8). */
    static ProposalStore postgres(StateDatabase database) {
        Objects.requireNonNull(database, "database == null");
        return new PostgresProposalStore(database.dataSource());
    }
}
