package dev.odoobridge.vendors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links vendors to partners with one-time codes. A code is 6 digits from a CSPRNG, stored only
 * as HMAC-SHA-256 (server secret; bound to challenge, vendor, source and partner), valid for the
 * policy's lifetime, single-use, dead after the attempt cap, rate-limited per vendor and per
 * partner (checked and stored under one lock per instance, so concurrent requests cannot pass the
 * same check; run one instance per store), compared in constant time, and never logged or returned.
 */
public final class VendorLinking {
    private static final Logger LOG = LoggerFactory.getLogger(VendorLinking.class);

    private final VendorStore store;
    private final PartnerDirectory partners;
    private final OtpMailer mailer;
    private final OneTimeCodes codes;
    private final OtpPolicy policy;
    private final Clock clock;
    private final DeliveryTarget target;
    private final Lock issuing = new ReentrantLock();

    /** Where codes are sent. */
    public enum DeliveryTarget {
        /** To the partner's own email. */
        PARTNER,
        /** To the shop's address (the shop forwards it after checking the vendor). */
        SHOP
    }

    /**
     * @param store durable state
     * @param partners partner lookup in Odoo
     * @param mailer code delivery through the shop's Odoo
     * @param secret HMAC key, at least 16 bytes
     * @param policy rules
     * @param target where codes go
     * @param clock time source (injectable for tests)
     */
    public VendorLinking(VendorStore store, PartnerDirectory partners, OtpMailer mailer, byte[] secret,
                         OtpPolicy policy, DeliveryTarget target, Clock clock) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.partners = Objects.requireNonNull(partners, "partners == null");
        this.mailer = Objects.requireNonNull(mailer, "mailer == null");
        this.codes = new OneTimeCodes(secret);
        this.policy = Objects.requireNonNull(policy, "policy == null");
        this.target = Objects.requireNonNull(target, "target == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * Sends a code to link {@code vendor} to {@code partnerId} of {@code source}, to the address this instance's
     * delivery target names.
     *
     * @param shopEmail the shop's address (used with {@link DeliveryTarget#SHOP}); may be null otherwise
     * @throws VendorLinkException UNKNOWN_SOURCE, UNKNOWN_PARTNER, NO_EMAIL or RATE_LIMITED
     */
    public LinkChallenge requestLink(String vendor, String source, long partnerId, String shopEmail) {
        return requestLink(vendor, source, partnerId, shopEmail, target);
    }

    /**
     * Sends a code to link {@code vendor} to {@code partnerId} of {@code source}, to the partner's or the shop's
     * address as the caller chooses (the vendor picks it in the portal).
     *
     * @param shopEmail the shop's address (used with {@link DeliveryTarget#SHOP}); may be null otherwise
     * @param target where the code goes
     * @throws VendorLinkException UNKNOWN_SOURCE, UNKNOWN_PARTNER, NO_EMAIL or RATE_LIMITED
     * @throws RuntimeException what the mailer threw when the code could not be sent; the request then consumed no
     *         rate limit and left no challenge behind
     */
    public LinkChallenge requestLink(String vendor, String source, long partnerId, String shopEmail,
                                     DeliveryTarget target) {
        requireVendor(vendor);
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(target, "target == null");
        Instant now = clock.instant();
        if (!partners.hasSource(source)) {
            throw refuse(vendor, source, partnerId, VendorLinkException.Reason.UNKNOWN_SOURCE,
                    "unknown source '" + source + "' (check the sources in the configuration)");
        }
        // one request at a time checks the limits and stores its challenge, so concurrent
        // requests cannot all pass the same check
        String to;
        String code;
        String challengeId;
        String partnerName;
        Instant expires;
        issuing.lock();
        try {
            checkRateLimits(vendor, source, partnerId, now);
            PartnerDirectory.Partner partner = partners.find(source, partnerId).orElseThrow(() -> refuse(vendor, source,
                    partnerId, VendorLinkException.Reason.UNKNOWN_PARTNER,
                    "source '" + source + "' has no active partner with id " + partnerId));
            partnerName = partner.name();
            to = target == DeliveryTarget.PARTNER ? partner.email() : shopEmail;
            if (to == null || to.isBlank()) {
                throw refuse(vendor, source, partnerId, VendorLinkException.Reason.NO_EMAIL, target == DeliveryTarget.PARTNER
                        ? "partner " + partnerId + " (" + partner.name() + ") has no email address in Odoo; add one there"
                        : "source '" + source + "' has no shop-email configured");
            }
            challengeId = codes.newId(12);
            code = codes.newCode();
            expires = now.plus(policy.codeLifetime());
            store.insertChallenge(new VendorStore.Challenge(challengeId, vendor, source, partnerId,
                    hash(challengeId, vendor, source, partnerId, code), now, expires, 0, null));
        } finally {
            issuing.unlock();
        }
        try {
            mailer.send(source, to, "Your verification code", body(code, partnerName, vendor, policy.codeLifetime()));
        } catch (RuntimeException e) {
            // nothing reached the vendor: the challenge must neither count against the limits nor be confirmable
            store.deleteChallenge(challengeId);
            store.audit(vendor, source, partnerId, "delivery_failed", e.getClass().getSimpleName(), now);
            LOG.warn("could not send a link code for vendor {} to partner {} of {}: {}", vendor, partnerId, source,
                    e.getMessage());
            throw e;
        }
        store.audit(vendor, source, partnerId, "challenge_sent", "to " + mask(to), now);
        LOG.info("sent a link code for vendor {} to partner {} of {} ({})", vendor, partnerId, source, mask(to));
        return new LinkChallenge(challengeId, vendor, source, partnerId, expires, mask(to));
    }

    /**
     * Confirms the vendor's newest code and stores the link.
     *
     * @throws VendorLinkException NO_CHALLENGE, EXPIRED, ALREADY_USED, TOO_MANY_ATTEMPTS or WRONG_CODE
     */
    public VendorLink confirm(String vendor, String code) {
        requireVendor(vendor);
        Instant now = clock.instant();
        VendorStore.Challenge c = store.latestChallenge(vendor).orElseThrow(() -> refuse(vendor, null, null,
                VendorLinkException.Reason.NO_CHALLENGE, "no pending code for " + vendor + "; request one with `vendor link`"));
        if (c.usedAt() != null) {
            throw refuse(vendor, c.source(), c.partnerId(), VendorLinkException.Reason.ALREADY_USED,
                    "this code was already used; request a new one");
        }
        if (c.attempts() >= policy.maxAttempts()) {
            throw refuse(vendor, c.source(), c.partnerId(), VendorLinkException.Reason.TOO_MANY_ATTEMPTS,
                    "too many wrong attempts; request a new code");
        }
        if (!now.isBefore(c.expiresAt())) {
            throw refuse(vendor, c.source(), c.partnerId(), VendorLinkException.Reason.EXPIRED,
                    "the code expired at " + c.expiresAt() + "; request a new one");
        }
        // count the attempt before comparing: concurrent guesses that all read the same count must
        // not each get a comparison; only the first maxAttempts to reach the store are compared
        int attempts = store.recordFailedAttempt(c.id());
        if (attempts > policy.maxAttempts()) {
            throw refuse(vendor, c.source(), c.partnerId(), VendorLinkException.Reason.TOO_MANY_ATTEMPTS,
                    "too many wrong attempts; request a new code");
        }
        String normalized = code == null ? "" : code.strip();
        byte[] given = hash(c.id(), vendor, c.source(), c.partnerId(), normalized);
        if (!OneTimeCodes.matches(given, c.codeHash())) {
            int left = policy.maxAttempts() - attempts;
            if (left <= 0) {
                throw refuse(vendor, c.source(), c.partnerId(), VendorLinkException.Reason.TOO_MANY_ATTEMPTS,
                        "wrong code; that was the last attempt, request a new code");
            }
            throw refuse(vendor, c.source(), c.partnerId(), VendorLinkException.Reason.WRONG_CODE,
                    "wrong code; " + left + " attempt" + (left == 1 ? "" : "s") + " left");
        }
        if (!store.markUsed(c.id(), now)) {
            throw refuse(vendor, c.source(), c.partnerId(), VendorLinkException.Reason.ALREADY_USED,
                    "this code was already used; request a new one");
        }
        VendorLink link = new VendorLink(vendor, c.source(), c.partnerId(), now, vendor);
        store.saveLink(link);
        store.audit(vendor, c.source(), c.partnerId(), "linked", null, now);
        LOG.info("linked vendor {} to partner {} of {}", vendor, c.partnerId(), c.source());
        return link;
    }

    /** The vendor's links. */
    public List<VendorLink> links(String vendor) {
        return store.links(vendor);
    }

    /**
     * The vendor's report scope: every partner they are linked to, per source.
     *
     * @throws VendorLinkException NOT_LINKED when the vendor has no link
     */
    public dev.odoobridge.readmodel.report.VendorScope scopeOf(String vendor) {
        java.util.Map<String, java.util.Set<Long>> bySource = new java.util.TreeMap<>();
        for (VendorLink l : store.links(vendor)) {
            bySource.computeIfAbsent(l.source(), s -> new java.util.TreeSet<>()).add(l.partnerId());
        }
        if (bySource.isEmpty()) {
            throw new VendorLinkException(VendorLinkException.Reason.NOT_LINKED,
                    vendor + " is not linked to any partner; link it first with `vendor link`");
        }
        return new dev.odoobridge.readmodel.report.VendorScope(bySource);
    }

    /** Every link. */
    public List<VendorLink> allLinks() {
        return store.allLinks();
    }

    /** Revokes a link. */
    public void unlink(String vendor, String source, long partnerId, String by) {
        if (!store.deleteLink(vendor, source, partnerId)) {
            throw refuse(vendor, source, partnerId, VendorLinkException.Reason.NOT_LINKED,
                    vendor + " is not linked to partner " + partnerId + " of " + source);
        }
        store.audit(vendor, source, partnerId, "unlinked", "by " + by, clock.instant());
    }

    private void checkRateLimits(String vendor, String source, long partnerId, Instant now) {
        Optional<Instant> last = store.lastChallengeAt(vendor, source, partnerId);
        if (last.isPresent() && last.get().plus(policy.minInterval()).isAfter(now)) {
            Instant retry = last.get().plus(policy.minInterval());
            throw refuse(vendor, source, partnerId, VendorLinkException.Reason.RATE_LIMITED,
                    "a code was sent less than " + policy.minInterval().toSeconds() + " s ago; retry after " + retry, retry);
        }
        Instant dayAgo = now.minus(Duration.ofDays(1));
        if (store.challengesForVendorSince(vendor, dayAgo) >= policy.dailyCap()
                || store.challengesForPartnerSince(source, partnerId, dayAgo) >= policy.dailyCap()) {
            Instant retry = now.plus(Duration.ofHours(1));
            throw refuse(vendor, source, partnerId, VendorLinkException.Reason.RATE_LIMITED,
                    "the daily limit of " + policy.dailyCap() + " codes is reached; retry after " + retry, retry);
        }
    }

    private VendorLinkException refuse(String vendor, String source, Long partnerId, VendorLinkException.Reason reason,
                                       String message) {
        return refuse(vendor, source, partnerId, reason, message, null);
    }

    private VendorLinkException refuse(String vendor, String source, Long partnerId, VendorLinkException.Reason reason,
                                       String message, Instant retryAfter) {
        store.audit(vendor, source, partnerId, "refused", reason.name(), clock.instant());
        return new VendorLinkException(reason, message, retryAfter);
    }

    private byte[] hash(String challengeId, String vendor, String source, long partnerId, String code) {
        return codes.hash(challengeId, vendor, source, String.valueOf(partnerId), code);
    }

    private static void requireVendor(String vendor) {
        if (vendor == null || vendor.isBlank() || vendor.length() > 254) {
            throw new IllegalArgumentException("vendor must be an email or external id of 1-254 characters");
        }
    }

    static String mask(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return email.charAt(0) + "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    private static String body(String code, String partnerName, String vendor, Duration lifetime) {
        return "<p>Hello,</p><p>" + html(vendor) + " asked to receive the stock reports of <b>" + html(partnerName)
                + "</b>.</p><p>Verification code: <b style=\"font-size:20px;letter-spacing:3px\">" + code
                + "</b></p><p>It expires in " + lifetime.toMinutes() + " minutes and works once. If you did not ask for it, ignore this mail.</p>";
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
