package dev.odoobridge.portal.auth;

import dev.odoobridge.portal.auth.internal.SignInChallengeTable;
import dev.odoobridge.vendors.OneTimeCodes;
import dev.odoobridge.vendors.OtpMailer;
import dev.odoobridge.vendors.OtpPolicy;
import dev.odoobridge.vendors.VendorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with a one-time code mailed through a shop's Odoo, with the rules of vendor linking: 6 digits from a
 * CSPRNG, stored as an HMAC bound to the challenge and the address, valid for the policy's lifetime, single use,
 * dead after the attempt cap, rate-limited per address (minimum interval, daily cap) and per client address
 * (hourly cap), compared in constant time, never logged.
 *
 * <p>Who may sign in: an address with a vendor link, or the email of an active supplier in a configured source.
 * Any other address gets the same answer and a challenge of its own (counting against the same limits) whose code
 * nobody knows, so the answers never tell which addresses may sign in. Whether to mail, and the mail itself, run
 * on the delivery executor, so the answer's timing does not tell either.
 */
public final class CodeSignIn {
    /** Codes asked from one client address in an hour. */
    public static final int PER_CLIENT_HOURLY = 20;

    private static final Logger LOG = LoggerFactory.getLogger(CodeSignIn.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z0-9-]{2,63}");

    private final SignInChallengeTable table;
    private final VendorStore vendors;
    private final SupplierDirectory suppliers;
    private final OtpMailer mailer;
    private final String mailSource;
    private final OneTimeCodes codes;
    private final OtpPolicy policy;
    private final Clock clock;
    private final Executor delivery;
    private final Lock issuing = new ReentrantLock();

    /**
     * @param dataSource the state database (table {@code portal_signin_challenges})
     * @param vendors vendor links (who may sign in) and the audit trail
     * @param suppliers the suppliers of the configured sources
     * @param mailer code delivery
     * @param mailSource the source whose Odoo sends the codes
     * @param codes code generation and hashing under the server secret
     * @param policy lifetime, attempts, interval and daily cap
     * @param clock time source
     * @param delivery runs the eligibility check and the mail after the answer ({@code Runnable::run} in tests)
     */
    public CodeSignIn(DataSource dataSource, VendorStore vendors, SupplierDirectory suppliers, OtpMailer mailer,
                      String mailSource, OneTimeCodes codes, OtpPolicy policy, Clock clock, Executor delivery) {
        this.table = new SignInChallengeTable(dataSource);
        this.vendors = Objects.requireNonNull(vendors, "vendors == null");
        this.suppliers = Objects.requireNonNull(suppliers, "suppliers == null");
        this.mailer = Objects.requireNonNull(mailer, "mailer == null");
        this.mailSource = Objects.requireNonNull(mailSource, "mailSource == null");
        this.codes = Objects.requireNonNull(codes, "codes == null");
        this.policy = Objects.requireNonNull(policy, "policy == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.delivery = Objects.requireNonNull(delivery, "delivery == null");
    }

    /** The address as the portal keeps it (stripped, lower-cased); INVALID_EMAIL when it is not an address. */
    public static String normalize(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new SignInException(SignInException.Reason.INVALID_EMAIL, "Enter a valid email address.");
        }
        return e;
    }

    /**
     * Asks for a code for the address; mails it when the address may sign in. The same outcome either way.
     *
     * @param email the address (normalized here)
     * @param client the client's network address (rate limit)
     * @return the normalized address
     * @throws SignInException INVALID_EMAIL or RATE_LIMITED
     */
    public String request(String email, String client) {
        String address = normalize(email);
        Instant now = clock.instant();
        String id;
        String code;
        issuing.lock();
        try {
            checkLimits(address, client, now);
            id = codes.newId(16);
            code = codes.newCode();
            table.insert(new SignInChallengeTable.Row(id, address, client, codes.hash("signin", id, address, code), now,
                    now.plus(policy.codeLifetime()), 0, null));
        } finally {
            issuing.unlock();
        }
        delivery.execute(() -> deliver(address, code));
        return address;
    }

    /**
     * Checks the address's newest code.
     *
     * @return the vendor (the normalized address)
     * @throws SignInException NO_CODE, EXPIRED, ALREADY_USED, TOO_MANY_ATTEMPTS or WRONG_CODE
     */
    public String confirm(String email, String code) {
        String address = normalize(email);
        Instant now = clock.instant();
        Optional<SignInChallengeTable.Row> latest = table.latest(address);
        if (latest.isEmpty()) {
            throw refuse(SignInException.Reason.NO_CODE, "No code was asked for this address. Ask for one first.");
        }
        SignInChallengeTable.Row c = latest.get();
        if (c.usedAt() != null) {
            throw refuse(SignInException.Reason.ALREADY_USED, "This code was used already. Ask for a new one.");
        }
        if (c.attempts() >= policy.maxAttempts()) {
            throw refuse(SignInException.Reason.TOO_MANY_ATTEMPTS, "Too many wrong attempts. Ask for a new code.");
        }
        if (!now.isBefore(c.expiresAt())) {
            throw refuse(SignInException.Reason.EXPIRED, "This code has expired. Ask for a new one.");
        }
        int attempts = table.recordAttempt(c.id());
        if (attempts > policy.maxAttempts()) {
            throw refuse(SignInException.Reason.TOO_MANY_ATTEMPTS, "Too many wrong attempts. Ask for a new code.");
        }
        String given = code == null ? "" : code.strip();
        if (!OneTimeCodes.matches(codes.hash("signin", c.id(), address, given), c.codeHash())) {
            int left = policy.maxAttempts() - attempts;
            if (left <= 0) {
                throw refuse(SignInException.Reason.TOO_MANY_ATTEMPTS, "Wrong code, and that was the last attempt. "
                        + "Ask for a new code.");
            }
            throw refuse(SignInException.Reason.WRONG_CODE, "Wrong code. " + left + " attempt" + (left == 1 ? "" : "s")
                    + " left.");
        }
        if (!table.markUsed(c.id(), now)) {
            throw refuse(SignInException.Reason.ALREADY_USED, "This code was used already. Ask for a new one.");
        }
        return address;
    }

    private void deliver(String address, String code) {
        try {
            if (maySignIn(address)) {
                mailer.send(mailSource, address, "Your sign-in code", body(code, policy.codeLifetime()));
                LOG.info("sent a portal sign-in code through {}", mailSource);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not send a portal sign-in code through {}: {}", mailSource, e.toString());
        }
    }

    private boolean maySignIn(String address) {
        if (!vendors.links(address).isEmpty()) {
            return true;
        }
        try {
            return suppliers.isSupplier(address);
        } catch (RuntimeException e) {
            LOG.warn("could not ask the sources' Odoo whether an address is a supplier: {}", e.toString());
            return false;
        }
    }

    private void checkLimits(String address, String client, Instant now) {
        Optional<Instant> last = table.lastForEmail(address);
        if (last.isPresent() && last.get().plus(policy.minInterval()).isAfter(now)) {
            throw refuse(SignInException.Reason.RATE_LIMITED, "A code was sent less than "
                    + policy.minInterval().toSeconds() + " seconds ago. Wait a moment, then ask again.");
        }
        if (table.countForEmailSince(address, now.minus(Duration.ofDays(1))) >= policy.dailyCap()) {
            throw refuse(SignInException.Reason.RATE_LIMITED, "Too many codes were asked for this address today. "
                    + "Try again tomorrow.");
        }
        if (table.countForClientSince(client, now.minus(Duration.ofHours(1))) >= PER_CLIENT_HOURLY) {
            throw refuse(SignInException.Reason.RATE_LIMITED, "Too many codes were asked from your network. "
                    + "Try again in an hour.");
        }
    }

    private static SignInException refuse(SignInException.Reason reason, String message) {
        return new SignInException(reason, message);
    }

    private static String body(String code, Duration lifetime) {
        return "<p>Hello,</p><p>Your code to sign in to the vendor portal: <b style=\"font-size:20px;letter-spacing:3px\">"
                + code + "</b></p><p>It expires in " + lifetime.toMinutes() + " minutes and works once. If you did not "
                + "ask for it, ignore this mail.</p>";
    }
}
