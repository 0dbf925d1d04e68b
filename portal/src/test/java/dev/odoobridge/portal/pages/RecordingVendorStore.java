package dev.odoobridge.portal.pages;

import dev.odoobridge.vendors.VendorLink;
import dev.odoobridge.vendors.VendorStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A vendor store that only keeps the audit trail (the pages under test write nothing else). */
final class RecordingVendorStore implements VendorStore {
    record Event(String vendor, String source, Long partnerId, String event, String detail) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();

    /** Challenges and links belong to sign-in and linking, which these tests replace with a fixed gate and scopes. */
    private static UnsupportedOperationException notUsedByThePages() {
        return new UnsupportedOperationException("the page tests keep only the audit trail; challenges and links are"
                + " not part of this store");
    }

    @Override
    public void audit(String vendor, String source, Long partnerId, String event, String detail, Instant at) {
        events.add(new Event(vendor, source, partnerId, event, detail));
    }

    @Override
    public List<AuditEvent> auditEvents(AuditQuery query) {
        List<AuditEvent> out = new java.util.ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && out.size() < query.limit(); i--) {
            Event e = events.get(i);
            if ((query.vendor() == null || query.vendor().equals(e.vendor()))
                    && (query.source() == null || query.source().equals(e.source()))) {
                out.add(new AuditEvent(i + 1, e.vendor(), e.source(), e.partnerId(), e.event(), e.detail(), Instant.EPOCH));
            }
        }
        return out;
    }

    @Override
    public void insertChallenge(Challenge challenge) {
        throw notUsedByThePages();
    }

    @Override
    public Optional<Challenge> latestChallenge(String vendor) {
        throw notUsedByThePages();
    }

    @Override
    public boolean deleteChallenge(String challengeId) {
        throw notUsedByThePages();
    }

    @Override
    public int recordFailedAttempt(String challengeId) {
        throw notUsedByThePages();
    }

    @Override
    public boolean markUsed(String challengeId, Instant at) {
        throw notUsedByThePages();
    }

    @Override
    public int challengesForVendorSince(String vendor, Instant since) {
        throw notUsedByThePages();
    }

    @Override
    public int challengesForPartnerSince(String source, long partnerId, Instant since) {
        throw notUsedByThePages();
    }

    @Override
    public Optional<Instant> lastChallengeAt(String vendor, String source, long partnerId) {
        throw notUsedByThePages();
    }

    @Override
    public void saveLink(VendorLink link) {
        throw notUsedByThePages();
    }

    @Override
    public List<VendorLink> links(String vendor) {
        throw notUsedByThePages();
    }

    @Override
    public List<VendorLink> allLinks() {
        throw notUsedByThePages();
    }

    @Override
    public boolean deleteLink(String vendor, String source, long partnerId) {
        throw notUsedByThePages();
    }
}
