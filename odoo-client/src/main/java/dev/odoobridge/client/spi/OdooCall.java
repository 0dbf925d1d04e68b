package dev.odoobridge.client.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One ORM call, transport-neutral. Odoo's {@code call_kw} binds XML-RPC and JSON-RPC arguments by
 * position ({@code create} reads {@code args[0]}, record methods take their ids first), while
 * JSON-2 takes named arguments only. A call therefore carries three parts:
 * <ul>
 *   <li>{@code ids}: the records of a record method (null for a model method);</li>
 *   <li>{@code positional}: the arguments XML-RPC and JSON-RPC send by position after the ids, in
 *       the method's parameter order, each with its Python parameter name for JSON-2;</li>
 *   <li>{@code kwargs}: the arguments every transport sends by name (context included under
 *       {@code "context"}).</li>
 * </ul>
 * {@link #rpcArgs()} is the positional list of {@code execute_kw}; {@link #namedArgs()} the JSON-2 body.
 *
 * @param model technical model name
 * @param method method name
 * @param ids record ids for record methods, or null for model methods
 * @param positional arguments sent by position over XML-RPC / JSON-RPC, in parameter order (plain wire values)
 * @param kwargs named arguments as plain wire values (already converted, context included under "context")
 * @param idempotent true for reads that may be retried
 */
public record OdooCall(String model, String method, List<Long> ids, List<Argument> positional,
                       Map<String, Object> kwargs, boolean idempotent) {
    public OdooCall {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(method, "method == null");
        ids = ids == null ? null : List.copyOf(ids);
        positional = List.copyOf(Objects.requireNonNull(positional, "positional == null"));
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(kwargs, "kwargs == null")));
        Set<String> names = new HashSet<>(kwargs.keySet());
        if (ids != null) {
            names.add("ids");
        }
        for (Argument argument : positional) {
            if (!names.add(argument.name())) {
                throw new IllegalArgumentException("argument '" + argument.name() + "' of " + model + "." + method
                        + " is given twice (by position and by name, or as ids)");
            }
        }
    }

    /** A call whose arguments are all named (besides the ids). */
    public OdooCall(String model, String method, List<Long> ids, Map<String, Object> kwargs, boolean idempotent) {
        this(model, method, ids, List.of(), kwargs, idempotent);
    }

    /**
     * The positional arguments of {@code execute_kw} for XML-RPC and JSON-RPC: the ids (when the
     * call has them) followed by the values of {@link #positional()}.
     */
    public List<Object> rpcArgs() {
        List<Object> args = new ArrayList<>(positional.size() + 1);
        if (ids != null) {
            args.add(ids);
        }
        for (Argument argument : positional) {
            args.add(argument.value());
        }
        return Collections.unmodifiableList(args);
    }

    /**
     * Every argument by name, for JSON-2: {@code ids} (when the call has them), the positional
     * arguments under their parameter names (leaving out those that only repeat the parameter's
     * default), then the named arguments.
     */
    public Map<String, Object> namedArgs() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (ids != null) {
            body.put("ids", ids);
        }
        for (Argument argument : positional) {
            if (!argument.isDefault()) {
                body.put(argument.name(), argument.value());
            }
        }
        body.putAll(kwargs);
        return Collections.unmodifiableMap(body);
    }

    /**
     * One argument sent by position over XML-RPC / JSON-RPC.
     *
     * @param name the Python parameter name, used by JSON-2
     * @param value the plain wire value (may be null)
     * @param isDefault true when the value is the parameter's default: by position it only holds
     *                  the place of the arguments after it, by name it is left out
     */
    public record Argument(String name, Object value, boolean isDefault) {
        public Argument {
            Objects.requireNonNull(name, "name == null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("argument name is blank");
            }
        }

        /** An argument with an explicit (non-default) value. */
        public static Argument of(String name, Object value) {
            return new Argument(name, value, false);
        }
    }
}
