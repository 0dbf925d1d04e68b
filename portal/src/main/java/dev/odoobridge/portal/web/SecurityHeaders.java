package dev.odoobridge.portal.web;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;

/**
 * The headers every portal answer carries: a content security policy without inline scripts or styles and with no
 * framing, no MIME sniffing, no referrer leaving the site, and no caching of pages that show a vendor's data.
 */
public final class SecurityHeaders {
    /** The portal's content security policy. */
    public static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    /** Puts the headers on the response. */
    public static void apply(Response response) {
        HttpFields.Mutable h = response.getHeaders();
        h.put(new HttpField("Content-Security-Policy", CSP));
        h.put(new HttpField("X-Content-Type-Options", "nosniff"));
        h.put(new HttpField("X-Frame-Options", "DENY"));
        h.put(new HttpField("Referrer-Policy", "same-origin"));
        h.put(new HttpField("Cross-Origin-Opener-Policy", "same-origin"));
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
    }
}
