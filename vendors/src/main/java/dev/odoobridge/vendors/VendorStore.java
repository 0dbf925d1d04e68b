package dev.odoobridge.vendors;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable storage of challenges (hashes only), links and the audit trail. Every method is atomic. */
public interface VendorStore {

    /** Stores a new challenge. */
    void insertChallenge(Challenge challenge);

    /**
     * The vendor's newest challenge, if any, used or dead ones included (so the caller can tell
     * why it no longer works).
     */
    Optional<Challenge> latestChallenge(String vendor);

    /**
     * Removes a challenge whose code could not be delivered, so it neither counts against the rate limits nor
     * can be confirmed; false when there was none.
     */
    boolean deleteChallenge(String challengeId);

    /** Adds one attempt (counted before the code is compared) and returns the new attempt count. */
    int recordFailedAttempt(String challengeId);

    /** Marks the challenge used; false when it was already used (single use under concurrency). */
    boolean markUsed(String challengeId, Instant at);

    /** Challenges created for the vendor since the instant. */
    int challengesForVendorSince(String vendor, Instant since);

    /** Challenges created for (source, partner) since the instant. */
    int challengesForPartnerSince(String source, long partnerId, Instant since);

    /** Newest creation time of a challenge for the vendor or for (source, partner). */
    Optional<Instant> lastChallengeAt(String vendor, String source, long partnerId);

    /** Stores (or refreshes) a link. */
    void saveLink(VendorLink link);

    /** Links of one vendor. */
    List<VendorLink> links(String vendor);

    /** Every link. */
    List<VendorLink> allLinks();

    /** Removes a link; false when there was none. */
    boolean deleteLink(String vendor, String source, long partnerId);

    /** Appends an audit event (never containing a code). */
    void audit(String vendor, String source, Long partnerId, String event, String detail, Instant at);

    /** Audit events matching the query, newest first (the operator's view: {@code odoo-bridge vendor audit}). */
    List<AuditEvent> auditEvents(AuditQuery query);

    /**
     * Which audit events to read.
     *
     * @param vendor only this vendor's, or null for every vendor
     * @param source only this source's, or null for every source (events without a source are then left out)
     * @param since only events at or after this instant, or null
     * @param limit most events returned (1 to 100,000)
     */
    record AuditQuery(String vendor, String source, Instant since, int limit) {
        public AuditQuery {
            if (limit < 1 || limit > 100_000) {
                throw new IllegalArgumentException("limit must be between 1 and 100000, was " + limit);
            }
        }
    }

    /**
     * One audit event.
     *
     * @param id its sequence number
     * @param vendor the vendor
     * @param source the source, or null
     * @param partnerId the partner, or null
     * @param event what happened ({@code signin}, {@code linked}, {@code download}, ...)
     * @param detail more, or null (never a code)
     * @param at when
     */
    record AuditEvent(long id, String vendor, String source, Long partnerId, String event, String detail, Instant at) {
    }

    /**
     * A stored challenge.
     *
     * @param id random id
     * @param vendor vendor identity
     * @param source source
     * @param partnerId partner id
     * @param codeHash HMAC-SHA-256 of the code bound to the challenge
     * @param createdAt creation time
     * @param expiresAt expiry
     * @param attempts failed attempts so far
     * @param usedAt when it was used, or null
     */
    record Challenge(String id, String vendor, String source, long partnerId, byte[] codeHash, Instant createdAt,
                     Instant expiresAt, int attempts, Instant usedAt) {
        public Challenge {
            codeHash = codeHash.clone();
        }

        @Override
        public byte[] codeHash() {
            return codeHash.clone();
        }
    }
}
