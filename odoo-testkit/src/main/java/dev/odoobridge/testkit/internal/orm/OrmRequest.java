package dev.odoobridge.testkit.internal.orm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call into the fake ORM.
 *
 * @param model model name
 * @param method method name
 * @param ids explicit record ids (JSON-2's {@code ids} argument), or null when not given
 * @param args positional arguments (XML-RPC / JSON-RPC {@code execute_kw} args), may be empty
 * @param kwargs named arguments, including {@code context} when sent
 * @param uid the authenticated user's id
 */
public record OrmRequest(String model, String method, List<Object> ids, List<Object> args, Map<String, Object> kwargs,
                         int uid) {
    public OrmRequest {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(args, "args == null");
        Objects.requireNonNull(kwargs, "kwargs == null");
    }
}
