package dev.odoobridge.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.sync.state.SharedPostgres;
import dev.odoobridge.sync.state.StateDatabase;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.vendors.VendorStore;
import dev.odoobridge.vendors.VendorStores;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * A portal mounted at {@code /portal} on a Jetty of its own, over FakeOdoo (two supplier partners, one customer) and a
 * fresh PostgreSQL database, with a clock the test moves and sign-in codes mailed before the answer.
 */
final class PortalHarness implements AutoCloseable {
    static final byte[] SECRET = "a-long-server-secret-for-portal-tests-0123456789".getBytes(StandardCharsets.UTF_8);
    static final String SOURCE = "shop";
    static final String ACME_EMAIL = "orders@acme.example";
    static final String BETA_EMAIL = "sales@beta.example";
    static final String CUSTOMER_EMAIL = "buyer@customer.example";
    private static final Pattern CODE = Pattern.compile(">(\\d{6})</b>");

    final FakeOdoo fake;
    final OdooClient admin;
    final StateDatabase db;
    final MovingClock clock = new MovingClock(Instant.parse("2026-06-01T08:00:00Z"));
    final Server server;
    final Portal portal;
    final String base;
    final long acme;
    final long beta;
    final long customer;

    private PortalHarness(UnaryOperator<PortalConfig> tweak) throws Exception {
        long[] ids = new long[3];
        fake = FakeOdoo.builder().data(sink -> {
            ids[0] = sink.insert("res.partner", Map.of("name", "Acme Supplies", "email", ACME_EMAIL, "is_company", true,
                    "supplier_rank", 1));
            ids[1] = sink.insert("res.partner", Map.of("name", "Beta Foods", "email", BETA_EMAIL, "is_company", true,
                    "supplier_rank", 1));
            ids[2] = sink.insert("res.partner", Map.of("name", "A Customer", "email", CUSTOMER_EMAIL, "customer_rank", 1));
        }).build().start();
        acme = ids[0];
        beta = ids[1];
        customer = ids[2];
        admin = fake.adminClient();
        db = StateDatabase.connect(SharedPostgres.freshDatabaseUrl(), "postgres", null);
        PortalConfig config = tweak.apply(PortalConfig.defaults(SOURCE).withSecureCookies(false));
        portal = Portal.builder().stateDatabase(db).config(config).sources(Map.of(SOURCE, admin))
                .shopEmail(SOURCE, "shop@shop.example").secret(SECRET).clock(clock).deliveryExecutor(Runnable::run)
                .module(dashboardStandIn()).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new ContextHandler(portal.handler(), "/portal"));
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/portal";
    }

    static PortalHarness start() throws Exception {
        return new PortalHarness(c -> c);
    }

    static PortalHarness start(UnaryOperator<PortalConfig> tweak) throws Exception {
        return new PortalHarness(tweak);
    }

    /** The dashboard is another module's; this stand-in names the vendor so the tests see who is signed in. */
    private static PageModule dashboardStandIn() {
        return router -> router.get("/dashboard", e -> e.send(200, "text/html; charset=utf-8",
                ("<!DOCTYPE html><html><head><title>Dashboard</title></head><body><p id=\"who\">" + e.vendor().vendor()
                        + "</p></body></html>").getBytes(StandardCharsets.UTF_8)));
    }

    /** Mails sent to the address so far. */
    List<Map<String, Object>> mailsTo(String email) {
        return fake.sentMails().stream().filter(m -> email.equals(m.get("email_to"))).toList();
    }

    /** The code of the newest mail to the address. */
    String lastCodeTo(String email) {
        List<Map<String, Object>> mails = mailsTo(email);
        assertThat(mails).as("mails to %s", email).isNotEmpty();
        Matcher m = CODE.matcher(String.valueOf(mails.get(mails.size() - 1).get("body_html")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The vendor's audit events, newest first. */
    List<String> auditOf(String vendor) {
        return VendorStores.postgres(db).auditEvents(new VendorStore.AuditQuery(vendor, null, null, 1000)).stream()
                .map(VendorStore.AuditEvent::event).toList();
    }

    /** Rows of a table of the state database. */
    int count(String table) {
        try (var c = db.dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
        portal.close();
        admin.close();
        fake.close();
        db.close();
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
