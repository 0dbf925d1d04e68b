package dev.odoobridge.client.realodoo;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.Transport;
import java.util.Optional;

/**
 * The client contract over Odoo 19's JSON-2 ({@code /json/2}) with the API key. Skipped when the
 * server is older than 19 (asked through the client over XML-RPC) or when no {@code -Dodoo.key} is given.
 */
class Json2ContractIT extends ClientContract {
    @Override
    Transport transport() {
        return Transport.JSON2;
    }

    @Override
    Optional<String> whyNotSpoken(RealOdoo odoo) {
        ServerVersion version;
        try (OdooClient probe = OdooClients.create(odoo.config(Transport.XMLRPC))) {
            version = probe.version();
        }
        if (!version.supportsJson2()) {
            return Optional.of("JSON-2 skipped: the server runs Odoo " + version.serverVersion()
                    + "; JSON-2 exists from Odoo 19 on");
        }
        if (odoo.apiKey().isEmpty()) {
            return Optional.of("JSON-2 skipped: the server runs Odoo " + version.serverVersion()
                    + ", but no API key was given; add -Dodoo.key=<API key of " + odoo.login() + ">");
        }
        return Optional.empty();
    }
}
