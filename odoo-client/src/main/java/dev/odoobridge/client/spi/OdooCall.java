package dev.odoobridge.client.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ORM call, transport-neutral: named arguments only (JSON-2 style). XML-RPC and JSON-RPC
 * send {@code ids} as the single positional argument of {@code execute_kw} when present.
 *
 * @param model technical model name
 * @param method method name
 * @param ids record ids for record methods, or null for model methods
 * @param kwargs named arguments as plain wire values (already converted, context included under "context")
 * @param idempotent true for reads that may be retried
 */
public record OdooCall(String model, String method, List<Long> ids, Map<String, Object> kwargs, boolean idempotent) {
    public OdooCall {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(method, "method == null");
        ids = ids == null ? null : List.copyOf(ids);
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(kwargs, "kwargs == null")));
    }
}
