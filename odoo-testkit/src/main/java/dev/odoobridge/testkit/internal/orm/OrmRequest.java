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
 * @param named whether the arguments are bound by name, with {@code ids} apart (JSON-2), rather than as
 *              {@code call_kw} binds XML-RPC / JSON-RPC calls (ids and records as positional arguments)
 */
public record OrmRequest(String model, String method, List<Object> ids, List<Object> args, Map<String, Object> kwargs,
                         int uid, boolean named) {
    public OrmRequest {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(args, "args == null");
        Objects.requireNonNull(kwargs, "kwargs == null");
    }

    /**
     * A call bound like {@code call_kw} binds XML-RPC and JSON-RPC calls when {@code ids} is null, or a JSON-2
     * call (named arguments, ids apart) when {@code ids} is given.
     */
    public OrmRequest(String model, String method, List<Object> ids, List<Object> args, Map<String, Object> kwargs,
                      int uid) {
        this(model, method, ids, args, kwargs, uid, ids != null);
    }
}
