package dev.odoobridge.portal.web;

import java.util.Optional;

/**
 * Who is asking, and whether a POST is theirs: the sessions and CSRF rules the portal's handler applies before any
 * route runs.
 */
public interface Gate {

    /** The vendor of a valid, unexpired, unrevoked session cookie on the request; empty otherwise. */
    Optional<SignedIn> resolve(Exchange exchange);

    /**
     * Throws a {@link PortalException} (403) unless the POST carries the right CSRF token: the session's for a
     * signed-in vendor, the pre-session token for public forms (sign-in).
     */
    void checkCsrf(Exchange exchange);
}
