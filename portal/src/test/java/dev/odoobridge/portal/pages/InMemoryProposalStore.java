package dev.odoobridge.portal.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ProposalStore} in memory, with the same claim-once rule as the database's. */
final class InMemoryProposalStore implements ProposalStore {
    private final Map<String, String> tokens = new HashMap<>();
    private final List<Proposal> proposals = new ArrayList<>();

    @Override
    public synchronized boolean claim(String token, String vendor, String source, Instant at) {
        return tokens.putIfAbsent(token, vendor) == null;
    }

    @Override
    public synchronized void release(String token) {
        tokens.remove(token);
    }

    @Override
    public synchronized void record(Proposal proposal, String token) {
        if (!tokens.containsKey(token)) {
            throw new IllegalStateException("unclaimed token");
        }
        proposals.add(proposal);
    }

    @Override
    public synchronized List<Proposal> proposals(String vendor) {
        return proposals.stream().filter(p -> p.vendor().equals(vendor))
                .sorted(Comparator.comparing(Proposal::createdAt).reversed()).toList();
    }

    @Override
    public synchronized Optional<Proposal> proposal(String vendor, String source, long orderId) {
        return proposals.stream().filter(p -> p.vendor().equals(vendor) && p.source().equals(source)
                && p.orderId() == orderId).findFirst();
    }
}
