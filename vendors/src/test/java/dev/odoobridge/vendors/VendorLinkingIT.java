package dev.odoobridge.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.vendors.VendorLinkException.Reason;
import dev.odoobridge.testkit.FakeOdoo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vendor linking end to end: codes mailed through FakeOdoo's {@code mail.mail}, state in PostgreSQL
 * (a database of its own, so a dump holds only this class's rows).
 */
class VendorLinkingIT {
    private static final byte[] SECRET = "a-long-server-secret-for-tests-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Pattern CODE = Pattern.compile(">(\\d{6})</b>");
    private static final String SOURCE = "shop";
    private static final AtomicInteger DAY = new AtomicInteger();

    private static FakeOdoo fake;
    private static OdooClient admin;
    private static StateDatabase db;
    private static long acme;
    private static long beta;
    private static long noMail;
    private static long archived;

    /** Each test lives on its own day, so the per-partner rate limits of one never reach another. */
    private final VendorLinkingTest.MutableClock clock = new VendorLinkingTest.MutableClock(
            Instant.parse("2026-01-01T09:00:00Z").plus(Duration.ofDays(2L * DAY.incrementAndGet())));
    private final String vendor = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    private VendorLinking linking;

    @BeforeAll
    static void start() {
        long[] ids = new long[4];
        fake = FakeOdoo.builder().data(sink -> {
            ids[0] = sink.insert("res.partner", Map.of("name", "Acme Supplies", "email", "orders@acme.example",
                    "is_company", true, "supplier_rank", 1));
            ids[1] = sink.insert("res.partner", Map.of("name", "Beta Foods", "email", "sales@beta.example",
                    "is_company", true, "supplier_rank", 1));
            ids[2] = sink.insert("res.partner", Map.of("name", "No Mail Ltd", "is_company", true));
            ids[3] = sink.insert("res.partner", Map.of("name", "Gone Gmbh", "email", "gone@gone.example",
                    "active", false));
        }).build().start();
        acme = ids[0];
        beta = ids[1];
        noMail = ids[2];
        archived = ids[3];
        admin = fake.adminClient();
        db = StateDatabase.connect(SharedPostgres.freshDatabaseUrl(), "postgres", null);
    }

    @AfterAll
    static void stop() {
        admin.close();
        fake.close();
        db.close();
    }

    private VendorLinking linking() {
        if (linking == null) {
            OdooVendorGateway gateway = new OdooVendorGateway(Map.of(SOURCE, admin));
            linking = new VendorLinking(VendorStores.postgres(db), gateway, gateway, SECRET, OtpPolicy.DEFAULT,
                    VendorLinking.DeliveryTarget.PARTNER, clock);
        }
        return linking;
    }

    private static List<Map<String, Object>> sentMails() {
        return fake.sentMails();
    }

    private static String codeOf(Map<String, Object> mail) {
        Matcher m = CODE.matcher(String.valueOf(mail.get("body_html")));
        assertThat(m.find()).as("a 6-digit code in %s", mail.get("body_html")).isTrue();
        return m.group(1);
    }

    /** Requests a code for the partner and returns it, read from the mail FakeOdoo sent. */
    private String request(String who, long partner) {
        int before = sentMails().size();
        linking().requestLink(who, SOURCE, partner, null);
        List<Map<String, Object>> mails = sentMails();
        assertThat(mails).hasSizeGreaterThan(before);
        return codeOf(mails.get(mails.size() - 1));
    }

    private static Reason reasonOf(Runnable r) {
        try {
            r.run();
        } catch (VendorLinkException e) {
            return e.reason();
        }
        throw new AssertionError("expected a VendorLinkException");
    }

    @Test
    void theCodeIsMailedThroughOdooAndTheMailIsGoneAfterSending() {
        int before = sentMails().size();
        LinkChallenge challenge = linking().requestLink(vendor, SOURCE, acme, null);
        assertThat(challenge.sentTo()).isEqualTo("o***@acme.example");
        assertThat(challenge.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        List<Map<String, Object>> mails = sentMails();
        assertThat(mails).hasSize(before + 1);
        Map<String, Object> mail = mails.get(mails.size() - 1);
        assertThat(mail.get("subject")).isEqualTo("Your verification code");
        assertThat(mail.get("email_to")).isEqualTo("orders@acme.example");
        assertThat(mail.get("auto_delete")).isEqualTo(true);
        assertThat(mail.get("state")).isEqualTo("sent");
        assertThat(String.valueOf(mail.get("body_html"))).contains("Acme Supplies").contains(vendor);
        String code = codeOf(mail);
        assertThat(admin.model("mail.mail").search(Domains.eq("email_to", "orders@acme.example"))).isEmpty();

        VendorLink link = linking().confirm(vendor, code);
        assertThat(link).isEqualTo(new VendorLink(vendor, SOURCE, acme, clock.instant(), vendor));
        assertThat(linking().links(vendor)).containsExactly(link);
        assertThat(linking().scopeOf(vendor).partnersBySource()).isEqualTo(Map.of(SOURCE, java.util.Set.of(acme)));
    }

    @Test
    void theCodeIsNowhereInTheDatabaseNorInTheLog() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String code;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            code = request(vendor, beta);
            linking().confirm(vendor, code);
        } finally {
            System.setErr(err);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("linked vendor " + vendor).doesNotContain(code);

        String dump = dumpAllTables();
        assertThat(dump).contains(vendor).contains("challenge_sent").contains("linked");
        assertThat(dump).doesNotContain(code);
        assertThat(dump).doesNotContain(HexFormat.of().formatHex(code.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        String code = request(vendor, acme);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        String late = vendor + ".late";
        String lateCode = request(late, beta);
        clock.advance(Duration.ofSeconds(1));
        assertThat(reasonOf(() -> linking().confirm(vendor, code))).isEqualTo(Reason.EXPIRED);
        assertThat(linking().confirm(late, lateCode).partnerId()).as("9:59 old still works").isEqualTo(beta);
        assertThat(linking().links(vendor)).isEmpty();
    }

    @Test
    void aCodeWorksOnce() {
        String code = request(vendor, acme);
        linking().confirm(vendor, code);
        assertThat(reasonOf(() -> linking().confirm(vendor, code))).isEqualTo(Reason.ALREADY_USED);
        assertThat(linking().links(vendor)).hasSize(1);
    }

    @Test
    void fiveWrongAttemptsKillTheCode() {
        String code = request(vendor, acme);
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 1; i <= 4; i++) {
            VendorLinkException e = catchLink(() -> linking().confirm(vendor, wrong));
            assertThat(e.reason()).isEqualTo(Reason.WRONG_CODE);
            assertThat(e.getMessage()).contains((5 - i) + " attempt");
        }
        assertThat(reasonOf(() -> linking().confirm(vendor, wrong))).isEqualTo(Reason.TOO_MANY_ATTEMPTS);
        assertThat(reasonOf(() -> linking().confirm(vendor, code))).as("even the right code")
                .isEqualTo(Reason.TOO_MANY_ATTEMPTS);
        assertThat(linking().links(vendor)).isEmpty();
    }

    @Test
    void requestsAreRateLimitedPerVendorAndPerPartner() {
        request(vendor, acme);
        Instant first = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        VendorLinkException again = catchLink(() -> linking().requestLink(vendor, SOURCE, beta, null));
        assertThat(again.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(again.retryAfter()).contains(first.plus(Duration.ofMinutes(1)));
        VendorLinkException samePartner = catchLink(() -> linking().requestLink("other-" + vendor, SOURCE, acme, null));
        assertThat(samePartner.reason()).as("another vendor for the same partner").isEqualTo(Reason.RATE_LIMITED);

        clock.advance(Duration.ofSeconds(30));
        request(vendor, acme);
        for (int i = 2; i < OtpPolicy.DEFAULT.dailyCap(); i++) {
            clock.advance(Duration.ofMinutes(2));
            request(vendor, acme);
        }
        clock.advance(Duration.ofMinutes(2));
        VendorLinkException capped = catchLink(() -> linking().requestLink(vendor, SOURCE, acme, null));
        assertThat(capped.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(capped.getMessage()).contains("daily limit");
        assertThat(capped.retryAfter()).isPresent();
        clock.advance(Duration.ofDays(1));
        assertThat(request(vendor, acme)).hasSize(6);
    }

    @Test
    void unknownArchivedAndMaillessPartnersAndUnknownSourcesAreRefused() {
        assertThat(reasonOf(() -> linking().requestLink(vendor, SOURCE, 999_999, null))).isEqualTo(Reason.UNKNOWN_PARTNER);
        clock.advance(Duration.ofMinutes(2));
        assertThat(reasonOf(() -> linking().requestLink(vendor, SOURCE, archived, null))).isEqualTo(Reason.UNKNOWN_PARTNER);
        clock.advance(Duration.ofMinutes(2));
        assertThat(reasonOf(() -> linking().requestLink(vendor, SOURCE, -1, null))).isEqualTo(Reason.UNKNOWN_PARTNER);
        clock.advance(Duration.ofMinutes(2));
        assertThat(reasonOf(() -> linking().requestLink(vendor, SOURCE, noMail, null))).isEqualTo(Reason.NO_EMAIL);
        assertThat(reasonOf(() -> linking().requestLink(vendor, "nope", acme, null))).isEqualTo(Reason.UNKNOWN_SOURCE);
        assertThat(reasonOf(() -> linking().confirm(vendor, "123456"))).isEqualTo(Reason.NO_CHALLENGE);
    }

    @Test
    void aCodeLinksOnlyThePartnerItWasSentFor() {
        String code = request(vendor, acme);
        String other = "other-" + vendor;
        assertThat(reasonOf(() -> linking().confirm(other, code))).as("another vendor cannot use it")
                .isEqualTo(Reason.NO_CHALLENGE);
        VendorLink link = linking().confirm(vendor, code);
        assertThat(link.partnerId()).isEqualTo(acme);
        assertThat(linking().scopeOf(vendor).partnersBySource().get(SOURCE)).containsExactly(acme);
    }

    @Test
    void aRevokedLinkNoLongerScopesReports() {
        linking().confirm(vendor, request(vendor, acme));
        linking().unlink(vendor, SOURCE, acme, "operator");
        assertThat(linking().links(vendor)).isEmpty();
        assertThat(reasonOf(() -> linking().scopeOf(vendor))).isEqualTo(Reason.NOT_LINKED);
        assertThat(reasonOf(() -> linking().unlink(vendor, SOURCE, acme, "operator"))).isEqualTo(Reason.NOT_LINKED);
        assertThat(linking().allLinks()).noneMatch(l -> l.vendor().equals(vendor));
    }

    @Test
    void twoConcurrentConfirmationsOfOneCodeMakeOneLink() throws Exception {
        String code = request(vendor, beta);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Object> confirm = () -> {
                    go.await();
                    try {
                        return linking().confirm(vendor, code);
                    } catch (VendorLinkException e) {
                        return e.reason();
                    }
                };
                results.add(pool.submit(confirm));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(VendorLink.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o == Reason.ALREADY_USED).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(linking().links(vendor)).hasSize(1);
        assertThat(countAudit("linked")).isEqualTo(1);
    }

    private static VendorLinkException catchLink(Runnable r) {
        try {
            r.run();
        } catch (VendorLinkException e) {
            return e;
        }
        throw new AssertionError("expected a VendorLinkException");
    }

    private int countAudit(String event) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM vendor_audit WHERE event = '" + event
                     + "' AND vendor = '" + vendor + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Every row of every table of the database, as text (bytea as hex). */
    private static String dumpAllTables() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("vendor_challenges", "vendor_links", "vendor_audit");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        out.append(table);
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            out.append(' ').append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
