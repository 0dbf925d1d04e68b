package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.web.Exchange;
import dev.odoobridge.portal.web.Gate;
import dev.odoobridge.portal.web.PortalException;
import dev.odoobridge.portal.web.SignedIn;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Signs every request in as one vendor (switchable; null for signed out) with a fixed CSRF token. */
final class TestGate implements Gate {
    static final String CSRF = "test-csrf-token";
    private final AtomicReference<String> vendor;

    TestGate(String vendor) {
        this.vendor = new AtomicReference<>(vendor);
    }

    void signIn(String v) {
        vendor.set(v);
    }

    @Override
    public Optional<SignedIn> resolve(Exchange exchange) {
        String v = vendor.get();
        return v == null ? Optional.empty() : Optional.of(new SignedIn("session-" + v, v, CSRF));
    }

    @Override
    public void checkCsrf(Exchange exchange) {
        if (!exchange.form("csrf").filter(CSRF::equals).isPresent()) {
            throw new PortalException(403, "The form expired; reload the page and try again.");
        }
    }
}
