package dev.odoobridge.cli.realodoo;

import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Odoo server the real-odoo CLI flow runs against, from the system properties {@code odoo.url},
 * {@code odoo.db}, {@code odoo.login}, {@code odoo.password} and the optional {@code odoo.key} (an API
 * key of the same user). {@code ./mvnw verify -Preal-odoo -Dodoo.url=...} passes them to the test JVM.
 *
 * @param url base URL, e.g. {@code https://staging.example.com}
 * @param database database name
 * @param login login of a user who may create and delete partners, products, purchase orders and mails
 * @param password that user's password
 * @param apiKey that user's API key, if given
 */
record RealOdoo(String url, String database, String login, String password, Optional<String> apiKey) {
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
        List<String> missing = new ArrayList<>();
        for (String name : List.of("odoo.db", "odoo.login", "odoo.password")) {
            if (property(name) == null) {
                missing.add("-D" + name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("-Dodoo.url is set but " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        return Optional.of(new RealOdoo(url, property("odoo.db"), property("odoo.login"), property("odoo.password"),
                Optional.ofNullable(property("odoo.key"))));
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The secret that goes with {@code transport}: the API key for JSON-2, the password otherwise. */
    String secret(Transport transport) {
        return transport == Transport.JSON2
                ? apiKey.orElseThrow(() -> new IllegalStateException("JSON-2 needs -Dodoo.key"))
                : password;
    }

    /** A client configuration for {@code transport} with generous timeouts (a staging server may be slow). */
    OdooConfig config(Transport transport) {
        return OdooConfig.builder().url(url).database(database).login(login).secret(secret(transport))
                .transport(transport).connectTimeout(Duration.ofSeconds(20)).requestTimeout(Duration.ofSeconds(120))
                .build();
    }
}
