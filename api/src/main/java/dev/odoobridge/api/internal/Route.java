package dev.odoobridge.api.internal;

import java.util.List;
import java.util.function.Function;

/**
 * One route of the API: its path template under {@code /{source}/}, the resource name a key's
 * allow-list names, its documentation and what it does. The router, the OpenAPI document and the
 * test that calls every documented route all read the same list.
 *
 * @param template e.g. {@code products/{id}}
 * @param resource the resource name for key allow-lists (e.g. {@code products})
 * @param summary one line for the documentation
 * @param params path and query parameters (no others are accepted)
 * @param paged whether the answer is a keyset-paged {@code {data, next}} list
 * @param op what answers
 */
record Route(String template, String resource, String summary, List<Param> params, boolean paged,
             Function<Ctx, Object> op) {

    Route {
        params = List.copyOf(params);
    }

    String[] segments() {
        return template.split("/");
    }
}
