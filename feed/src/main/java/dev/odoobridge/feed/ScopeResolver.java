package dev.odoobridge.feed;

import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Finds the caller's scope for a request (from its API key). The handler answers 401 when there is none and 403 when
 * the scope's source is not the one in the path.
 */
@FunctionalInterface
public interface ScopeResolver {
    /** The caller's scope, or empty when the request carries no valid credentials. */
    Optional<FeedScope> scope(Request request);

    /**
     * The scope of the API key that {@link dev.odoobridge.access.ApiKeyAuth} verified for the request (its request
     * attribute): the key's source, vendor and tables.
     */
    static ScopeResolver apiKeys() {
        return request -> dev.odoobridge.access.ApiKeyAuth.scope(request).map(FeedScope::of);
    }
}
