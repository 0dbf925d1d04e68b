package dev.odoobridge.portal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes by method and path template: literal segments and {@code {name}} segments (one whole segment each, never
 * empty, never containing {@code /}). Paths are relative to where the portal is mounted. Every route is
 * {@link Access#SIGNED_IN} unless added as public; every POST is CSRF-checked before its route runs (the portal's
 * handler does both, so a page cannot forget).
 */
public final class Router {
    private final List<Entry> entries = new ArrayList<>();

    /** Who may call a route. */
    public enum Access {
        /** Anyone (sign-in pages, static assets). */
        PUBLIC,
        /** A signed-in vendor; others are sent to the sign-in page. */
        SIGNED_IN
    }

    /** A route for a signed-in vendor. */
    public Router get(String template, Route route) {
        return add("GET", template, Access.SIGNED_IN, route);
    }

    /** A route for a signed-in vendor. */
    public Router post(String template, Route route) {
        return add("POST", template, Access.SIGNED_IN, route);
    }

    /**
     * Adds a route.
     *
     * @param method GET or POST
     * @param template e.g. {@code /product/{source}/{id}}
     * @param access who may call it
     * @param route what answers
     * @return this router
     */
    public Router add(String method, String template, Access access, Route route) {
        Objects.requireNonNull(route, "route == null");
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("the portal answers GET and POST only, not " + method);
        }
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route template starts with '/': " + template);
        }
        String[] segments = split(template);
        for (Entry e : entries) {
            if (e.method.equals(method) && shape(e.segments).equals(shape(segments))) {
                throw new IllegalArgumentException("route " + method + " " + template + " added twice");
            }
        }
        entries.add(new Entry(method, template, segments, access, route));
        return this;
    }

    /** The route matching a request, with its path parameters; literal segments win over parameters. */
    public Optional<Match> match(String method, String path) {
        String[] parts = split(path);
        Match best = null;
        int bestLiterals = -1;
        for (Entry e : entries) {
            if (!e.method.equals(method) || e.segments.length != parts.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < parts.length && ok; i++) {
                String s = e.segments[i];
                if (s.startsWith("{") && s.endsWith("}")) {
                    ok = !parts[i].isEmpty();
                    params.put(s.substring(1, s.length() - 1), parts[i]);
                } else {
                    ok = s.equals(parts[i]);
                    literals++;
                }
            }
            if (ok && literals > bestLiterals) {
                best = new Match(e.template, e.access, e.route, Map.copyOf(params));
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** True when some route answers the path with another method (the handler then says 405, not 404). */
    public boolean knowsPath(String path) {
        return match("GET", path).isPresent() || match("POST", path).isPresent();
    }

    private static List<String> shape(String[] segments) {
        return java.util.Arrays.stream(segments).map(s -> s.startsWith("{") ? "{}" : s).toList();
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /**
     * A matched route.
     *
     * @param template the route's template
     * @param access who may call it
     * @param route what answers
     * @param params path parameters by name (still URL-decoded by the caller's rules: raw segments)
     */
    public record Match(String template, Access access, Route route, Map<String, String> params) {
    }

    private record Entry(String method, String template, String[] segments, Access access, Route route) {
    }
}
