package dev.odoobridge.portal.web;

/**
 * The vendor behind a request with a valid session.
 *
 * @param sessionId the session's id (server-side; the cookie carries it)
 * @param vendor the vendor's email, lower-cased
 * @param csrf the session's CSRF token, to be echoed by every form
 */
public record SignedIn(String sessionId, String vendor, String csrf) {
}
