package dev.odoobridge.portal.web;

/** Answers one matched request. */
@FunctionalInterface
public interface Route {

    /**
     * Handles the exchange; throw {@link PortalException} for a clear error page with its status.
     *
     * @param exchange the request, its path parameters and the response
     * @throws Exception anything else becomes a 500 page that says nothing of the cause (logged server-side)
     */
    void handle(Exchange exchange) throws Exception;
}
