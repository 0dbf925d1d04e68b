package dev.odoobridge.api.internal;

import dev.odoobridge.access.ApiScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One request as a route sees it: the scope, the path variables and the query parameters. */
record Ctx(ApiScope scope, Map<String, String> path, Map<String, String> query) {

    String source() {
        return scope.source();
    }

    OptionalLong vendor() {
        return scope.vendorPartnerId();
    }

    Optional<String> param(String name) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    long pathLong(String name) {
        return parseLong(name, path.get(name));
    }

    OptionalLong longParam(String name) {
        return param(name).map(v -> OptionalLong.of(parseLong(name, v))).orElse(OptionalLong.empty());
    }

    int intParam(String name, int dflt, int min, int max) {
        Optional<String> v = param(name);
        if (v.isEmpty()) {
            return dflt;
        }
        long n = parseLong(name, v.get());
        if (n < min || n > max) {
            throw ApiError.badRequest(name + " must be between " + min + " and " + max + ": " + n);
        }
        return (int) n;
    }

    Optional<Boolean> boolParam(String name) {
        return param(name).map(v -> switch (v) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiError.badRequest(name + " must be true or false: " + v);
        });
    }

    Optional<LocalDate> dateParam(String name) {
        return param(name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest(name + " must be a date YYYY-MM-DD: " + v);
            }
        });
    }

    Optional<Instant> instantParam(String name) {
        return param(name).map(v -> {
            try {
                return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest(name + " must be an ISO-8601 instant or date: " + v);
            }
        });
    }

    static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer: " + v);
        }
    }
}
