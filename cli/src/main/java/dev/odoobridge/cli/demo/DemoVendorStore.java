package dev.odoobridge.cli.demo;

import dev.odoobridge.sync.vendor.VendorLink;
import dev.odoobridge.sync.vendor.VendorStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo's vendor links, kept in memory for the length of one demo run (links do not need to
 * outlive it). Every method is synchronized, which makes each one atomic as the contract asks.
 */
final class DemoVendorStore implements VendorStore {
    private final Map<String, Challenge> challenges = new HashMap<>();
    private final List<VendorLink> links = new ArrayList<>();
    private final List<String> audit = new ArrayList<>();

    @Override
    public synchronized void insertChallenge(Challenge challenge) {
        Objects.requireNonNull(challenge, "challenge == null");
        challenges.put(challenge.id(), challenge);
    }

    @Override
    public synchronized Optional<Challenge> latestChallenge(String vendor) {
        return challenges.values().stream().filter(c -> c.vendor().equals(vendor) && c.usedAt() == null)
                .max(Comparator.comparing(Challenge::createdAt));
    }

    @Override
    public synchronized int recordFailedAttempt(String challengeId) {
        Challenge c = existing(challengeId);
        Challenge updated = new Challenge(c.id(), c.vendor(), c.source(), c.partnerId(), c.codeHash(), c.createdAt(),
                c.expiresAt(), c.attempts() + 1, c.usedAt());
        challenges.put(challengeId, updated);
        return updated.attempts();
    }

    @Override
    public synchronized boolean markUsed(String challengeId, Instant at) {
        Challenge c = existing(challengeId);
        if (c.usedAt() != null) {
            return false;
        }
        challenges.put(challengeId, new Challenge(c.id(), c.vendor(), c.source(), c.partnerId(), c.codeHash(),
                c.createdAt(), c.expiresAt(), c.attempts(), at));
        return true;
    }

    private Challenge existing(String challengeId) {
        Challenge c = challenges.get(challengeId);
        if (c == null) {
            throw new IllegalArgumentException("no challenge with id " + challengeId);
        }
        return c;
    }

    @Override
    public synchronized int challengesForVendorSince(String vendor, Instant since) {
        return (int) challenges.values().stream()
                .filter(c -> c.vendor().equals(vendor) && !c.createdAt().isBefore(since)).count();
    }

    @Override
    public synchronized int challengesForPartnerSince(String source, long partnerId, Instant since) {
        return (int) challenges.values().stream().filter(c -> c.source().equals(source) && c.partnerId() == partnerId
                && !c.createdAt().isBefore(since)).count();
    }

    @Override
    public synchronized Optional<Instant> lastChallengeAt(String vendor, String source, long partnerId) {
        return challenges.values().stream()
                .filter(c -> c.vendor().equals(vendor) || c.source().equals(source) && c.partnerId() == partnerId)
                .map(Challenge::createdAt).max(Comparator.naturalOrder());
    }

    @Override
    public synchronized void saveLink(VendorLink link) {
        Objects.requireNonNull(link, "link == null");
        links.removeIf(l -> same(l, link.vendor(), link.source(), link.partnerId()));
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
        return links.removeIf(l -> same(l, vendor, source, partnerId));
    }

    private static boolean same(VendorLink l, String vendor, String source, long partnerId) {
        return l.vendor().equals(vendor) && l.source().equals(source) && l.partnerId() == partnerId;
    }

    @Override
    public synchronized void audit(String vendor, String source, Long partnerId, String event, String detail, Instant at) {
        audit.add(at + " " + vendor + " " + source + "/" + partnerId + " " + event + (detail == null ? "" : " " + detail));
    }

    /** The audit trail so far, oldest first. */
    synchronized List<String> auditTrail() {
        return List.copyOf(audit);
    }
}
