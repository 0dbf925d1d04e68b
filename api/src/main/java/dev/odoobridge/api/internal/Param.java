package dev.odoobridge.api.internal;

/**
 * A documented parameter of a route.
 *
 * @param name its name
 * @param in {@code path} or {@code query}
 * @param type JSON-schema type: {@code string}, {@code integer}, {@code number}, {@code boolean}
 * @param description what it does
 * @param example a value the route answers (used by the OpenAPI test)
 * @param required whether the route needs it (path parameters always)
 */
record Param(String name, String in, String type, String description, String example, boolean required) {
    static Param path(String name, String type, String description, String example) {
        return new Param(name, "path", type, description, example, true);
    }

    static Param query(String name, String type, String description) {
        return new Param(name, "query", type, description, null, false);
    }

    static Param requiredQuery(String name, String type, String description, String example) {
        return new Param(name, "query", type, description, example, true);
    }
}
