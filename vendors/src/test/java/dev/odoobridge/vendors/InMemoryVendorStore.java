package dev.odoobridge.vendors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A VendorStore in memory, for unit tests of the linking rules. */
final class InMemoryVendorStore implements VendorStore {
    final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    final List<VendorLink> links = new ArrayList<>();
    final List<String> audit = new ArrayList<>();
    final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void insertChallenge(Challenge c) {
        challenges.put(c.id(), c);
    }

    @Override
    public synchronized boolean deleteChallenge(String challengeId) {
        return challenges.remove(challengeId) != null;
    }

    @Override
    public synchronized Optional<Challenge> latestChallenge(String vendor) {
        return challenges.values().stream().filter(c -> c.vendor().equals(vendor))
                .max(Comparator.comparing(Challenge::createdAt));
    }

    @Override
    public synchronized int recordFailedAttempt(String id) {
        Challenge c = challenges.get(id);
        Challenge n = new Challenge(c.id(), c.vendor(), c.source(), c.partnerId(), c.codeHash(), c.createdAt(),
                c.expiresAt(), c.attempts() + 1, c.usedAt());
        challenges.put(id, n);
        return n.attempts();
    }

    @Override
    public synchronized boolean markUsed(String id, Instant at) {
        Challenge c = challenges.get(id);
        if (c.usedAt() != null) {
            return false;
        }
        challenges.put(id, new Challenge(c.id(), c.vendor(), c.source(), c.partnerId(), c.codeHash(), c.createdAt(),
                c.expiresAt(), c.attempts(), at));
        return true;
    }

    @Override
    public synchronized int challengesForVendorSince(String vendor, Instant since) {
        return (int) challenges.values().stream().filter(c -> c.vendor().equals(vendor) && !c.createdAt().isBefore(since)).count();
    }

    @Override
    public synchronized int challengesForPartnerSince(String source, long partnerId, Instant since) {
        return (int) challenges.values().stream().filter(c -> c.source().equals(source) && c.partnerId() == partnerId
                && !c.createdAt().isBefore(since)).count();
    }

    @Override
    public synchronized Optional<Instant> lastChallengeAt(String vendor, String source, long partnerId) {
        return challenges.values().stream()
                .filter(c -> c.vendor().equals(vendor) || (c.source().equals(source) && c.partnerId() == partnerId))
                .map(Challenge::createdAt).max(Comparator.naturalOrder());
    }

    @Override
    public synchronized void saveLink(VendorLink link) {
        links.removeIf(l -> l.vendor().equals(link.vendor()) && l.source().equals(link.source())
                && l.partnerId() == link.partnerId());
        links.add(link);
    }

    @Override
    public synchronized List<VendorLink> links(String vendor) {
        return links.stream().filter(l -> l.vendor().equals(vendor)).toList();
    }

    @Override
    public synchronized List<VendorLink> allLinks() {
        return List.copyOf(links);
    }

    @Override
    public synchronized boolean deleteLink(String vendor, String source, long partnerId) {
        return links.removeIf(l -> l.vendor().equals(vendor) && l.source().equals(source) && l.partnerId() == partnerId);
    }

    @Override
    public synchronized void audit(String vendor, String source, Long partnerId, String event, String detail, Instant at) {
        audit.add(at + " " + vendor + " " + source + " " + partnerId + " " + event + " " + detail);
        events.add(new AuditEvent(events.size() + 1, vendor, source, partnerId, event, detail, at));
    }

    @Override
    public synchronized List<AuditEvent> auditEvents(AuditQuery q) {
        return events.stream().filter(e -> q.vendor() == null || q.vendor().equals(e.vendor()))
                .filter(e -> q.source() == null || q.source().equals(e.source()))
                .filter(e -> q.since() == null || !e.at().isBefore(q.since()))
                .sorted(Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::id).reversed())
                .limit(q.limit()).toList();
    }
}
