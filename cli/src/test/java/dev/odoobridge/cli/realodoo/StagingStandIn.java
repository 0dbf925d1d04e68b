package dev.odoobridge.cli.realodoo;

import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RecordSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for a staging Odoo, to try the real-odoo profile without one: FakeOdoo playing Odoo
 * {@code --version} (17.0, 18.0 or 19.0, default 19.0) with generated retail data, on {@code --port}
 * (default 8069), {@code --products} (default 50), {@code --seed} (default 42).
 *
 * <p>Like a staging database without an outgoing mail server, it keeps the mails it could not deliver:
 * FakeOdoo plays a server whose delivery succeeds and so deletes {@code auto_delete} mails on
 * {@code send}; this stand-in puts each of those back as a {@code mail.mail} in state
 * {@code exception}, as real Odoo leaves a mail whose SMTP connection failed, so the CLI flow can
 * read the vendor code back from Odoo.
 *
 * <p>Run from the cli module with the test classpath, e.g.
 * {@code java -cp "target/test-classes:target/classes:$(cat cp.txt)" dev.odoobridge.cli.realodoo.StagingStandIn --port 8070}.
 */
public final class StagingStandIn {
    private StagingStandIn() {
    }

    /** Entry point; runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        String version = options.getOrDefault("--version", "19.0");
        FakeOdoo fake = FakeOdoo.builder().version(version)
                .port(Integer.parseInt(options.getOrDefault("--port", "8069")))
                .products(Integer.parseInt(options.getOrDefault("--products", "50")))
                .seed(Long.parseLong(options.getOrDefault("--seed", "42")))
                .build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "stand-in-shutdown"));
        Thread keeper = new Thread(() -> keepUndeliveredMails(fake), "stand-in-mail-keeper");
        keeper.setDaemon(true);
        keeper.start();
        System.out.println("FakeOdoo stand-in (Odoo " + version + ") listening on " + fake.url()
                + ", database " + fake.database() + ", login admin / password admin, admin API key "
                + fake.apiKey(FakeOdoo.ADMIN));
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!List.of("--version", "--port", "--products", "--seed").contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --version 17.0|18.0|19.0, --port N, --products N, --seed N");
            }
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("missing value after " + args[args.length - 1]);
        }
        return options;
    }

    /** Puts every deleted (auto_delete) sent mail back as an undelivered one. */
    private static void keepUndeliveredMails(FakeOdoo fake) {
        RecordSink orm = fake.orm();
        int seen = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<Map<String, Object>> sent = fake.sentMails();
            for (; seen < sent.size(); seen++) {
                Map<String, Object> mail = sent.get(seen);
                if (!Boolean.TRUE.equals(mail.get("auto_delete"))) {
                    continue;
                }
                Map<String, Object> kept = new LinkedHashMap<>();
                kept.put("subject", mail.get("subject"));
                kept.put("body_html", mail.get("body_html"));
                kept.put("email_to", mail.get("email_to"));
                kept.put("auto_delete", true);
                kept.put("state", "exception");
                orm.insert("mail.mail", kept);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
