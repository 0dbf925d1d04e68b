package dev.odoobridge.client.realodoo;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Odoo server the real-odoo tests talk to, from the system properties {@code odoo.url},
 * {@code odoo.db}, {@code odoo.login}, {@code odoo.password} (or the environment variable
 * {@code ODOO_PASSWORD}) and the optional {@code odoo.key} (or {@code ODOO_KEY}; an API
 * key of the same user, needed for JSON-2). {@code ./mvnw verify -Preal-odoo -Dodoo.url=...} passes
 * them to the test JVM.
 *
 * @param url base URL, e.g. {@code https://staging.example.com}
 * @param database database name
 * @param login login of a user who may create and delete partners
 * @param password that user's password (XML-RPC and JSON-RPC)
 * @param apiKey that user's API key, if given
 */
record RealOdoo(String url, String database, String login, String password, Optional<String> apiKey) {
    /** Start of the name of every record the tests create. */
    static final String NAME_PREFIX = "odoo-bridge real-odoo test ";

    /** Why the tests skip when no server is given. */
    static final String NOT_GIVEN = "real-odoo tests skipped: no Odoo server given; run ./mvnw verify -Preal-odoo "
            + "-Dodoo.url=https://... -Dodoo.db=... -Dodoo.login=... -Dodoo.password=... [-Dodoo.key=<API key>]";

    /**
     * The server from the system properties, or empty when {@code odoo.url} is not set.
     *
     * @throws IllegalStateException when {@code odoo.url} is set but another required property is not
     */
    static Optional<RealOdoo> fromSystemProperties() {
        String url = property("odoo.url");
        if (url == null) {
            return Optional.empty();
        }
        String password = secret("odoo.password", "ODOO_PASSWORD");
        List<String> missing = new ArrayList<>();
        for (String name : List.of("odoo.db", "odoo.login")) {
            if (property(name) == null) {
                missing.add("-D" + name);
            }
        }
        if (password == null) {
            missing.add("-Dodoo.password (or ODOO_PASSWORD)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("-Dodoo.url is set but " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        return Optional.of(new RealOdoo(url, property("odoo.db"), property("odoo.login"), password,
                Optional.ofNullable(secret("odoo.key", "ODOO_KEY"))));
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * A secret from the system property {@code name} or else the environment variable {@code env}.
     * Failsafe writes the system properties into the report of a failing test class; the environment
     * stays out of the reports.
     */
    private static String secret(String name, String env) {
        String v = property(name);
        if (v != null) {
            return v;
        }
        String e = System.getenv(env);
        return e == null || e.isEmpty() ? null : e;
    }

    /**
     * A client configuration for {@code transport}: the API key for JSON-2, the password otherwise.
     * Generous timeouts: a staging server may be slow.
     */
    OdooConfig config(Transport transport) {
        String secret = transport == Transport.JSON2
                ? apiKey.orElseThrow(() -> new IllegalStateException("JSON-2 needs -Dodoo.key"))
                : password;
        return OdooConfig.builder().url(url).database(database).login(login).secret(secret).transport(transport)
                .connectTimeout(Duration.ofSeconds(20)).requestTimeout(Duration.ofSeconds(120)).build();
    }

    /** A fresh unique name prefix, {@code odoo-bridge real-odoo test <uuid>}. */
    static String uniqueName() {
        return NAME_PREFIX + UUID.randomUUID();
    }
}
