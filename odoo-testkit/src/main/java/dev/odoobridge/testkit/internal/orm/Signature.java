package dev.odoobridge.testkit.internal.orm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python method signature as Odoo's {@code call_kw} meets it: how the method is decorated (record method,
 * {@code @api.model}, {@code @api.model_create_multi}), the class that defines it (named in Python's TypeError
 * messages) and its parameters. {@link #bind} binds a call the way each transport does, with the same errors:
 * XML-RPC / JSON-RPC go through {@code call_kw} (ids and records are positional, Python's own binding messages),
 * JSON-2 through {@code inspect.Signature.bind} (named arguments only, its messages).
 *
 * @param api how {@code call_kw} calls the method
 * @param owner the Python class defining the method, e.g. {@code BaseModel}
 * @param params parameter names in order (without {@code self})
 * @param required how many leading parameters have no default
 */
record Signature(Api api, String owner, List<String> params, int required) {
    /** Marker for a parameter that was not given (its default applies). */
    static final Object ABSENT = new Object();

    /** How {@code call_kw} passes the call to the method. */
    enum Api {
        /** A record method: ids first. */
        RECORDS,
        /** {@code @api.model}: no ids. */
        MODEL,
        /** {@code @api.model_create_multi}: {@code call_kw} reads {@code args[0]} to shape the result. */
        MODEL_CREATE
    }

    Signature {
        params = List.copyOf(params);
    }

    static Signature model(int required, String... params) {
        return new Signature(Api.MODEL, "BaseModel", List.of(params), required);
    }

    static Signature records(int required, String... params) {
        return new Signature(Api.RECORDS, "BaseModel", List.of(params), required);
    }

    static Signature create() {
        return new Signature(Api.MODEL_CREATE, "BaseModel", List.of("vals_list"), 1);
    }

    /** This signature as defined (overridden) by another Python class. */
    Signature ownedBy(String pythonClass) {
        return new Signature(api, pythonClass, params, required);
    }

    boolean recordMethod() {
        return api == Api.RECORDS;
    }

    /**
     * Binds the arguments of one call.
     *
     * @param method the method name
     * @param qualifiedName {@code model.method}, for JSON-2's messages
     * @param request the call: JSON-2 ({@link OrmRequest#named()}) binds by name with {@code ids} apart, the
     *                others positionally as {@code call_kw} does
     * @param major the Odoo major version
     * @throws OrmFault TYPE_ERROR for missing, unexpected or duplicated arguments, INDEX_ERROR where
     *                  {@code call_kw} itself indexes a missing positional argument
     */
    Bound bind(String method, String qualifiedName, OrmRequest request, int major) {
        return request.named() ? bindNamed(qualifiedName, request.ids(), request.kwargs())
                : bindPositional(method, request.args(), request.kwargs(), major);
    }

    /** {@code call_kw}: ids are {@code args[0]} of a record method; then Python binds the rest. */
    private Bound bindPositional(String method, List<Object> args, Map<String, Object> kwargs, int major) {
        List<Object> positional = args;
        Object boundIds = null;
        if (api == Api.RECORDS) {
            if (positional.isEmpty()) {
                throw new OrmFault(FaultKind.INDEX_ERROR, "list index out of range");
            }
            boundIds = positional.get(0);
            positional = positional.subList(1, positional.size());
        } else if (api == Api.MODEL_CREATE && positional.isEmpty()) {
            // 17.0/18.0 index the tuple split_context made of args, 19.0 the list itself
            throw new OrmFault(FaultKind.INDEX_ERROR, major < 19 ? "tuple index out of range" : "list index out of range");
        }
        String function = owner + "." + method + "()";
        if (positional.size() > params.size()) {
            String takes = required == params.size() ? String.valueOf(params.size() + 1)
                    : "from " + (required + 1) + " to " + (params.size() + 1);
            throw new OrmFault(FaultKind.TYPE_ERROR, function + " takes " + takes + " positional argument"
                    + (params.size() == 0 && required == 0 ? "" : "s") + " but " + (positional.size() + 1)
                    + (positional.size() + 1 == 1 ? " was" : " were") + " given");
        }
        Map<String, Object> bound = new HashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            bound.put(params.get(i), positional.get(i));
        }
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            if (e.getKey().equals("context")) {
                continue;
            }
            if (!params.contains(e.getKey())) {
                throw new OrmFault(FaultKind.TYPE_ERROR, function + " got an unexpected keyword argument '"
                        + e.getKey() + "'");
            }
            if (bound.containsKey(e.getKey())) {
                throw new OrmFault(FaultKind.TYPE_ERROR, function + " got multiple values for argument '"
                        + e.getKey() + "'");
            }
            bound.put(e.getKey(), e.getValue());
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < required; i++) {
            if (!bound.containsKey(params.get(i))) {
                missing.add("'" + params.get(i) + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new OrmFault(FaultKind.TYPE_ERROR, function + " missing " + missing.size() + " required positional "
                    + (missing.size() == 1 ? "argument: " : "arguments: ") + pythonList(missing));
        }
        return new Bound(boundIds, bound, Ctx.of(kwargs.get("context")), false);
    }

    /** {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b', and 'c'}, as Python lists missing arguments. */
    private static String pythonList(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() == 2) {
            return names.get(0) + " and " + names.get(1);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
    }

    /** JSON-2: {@code inspect.Signature.bind(records, **kwargs)}, ids given apart. */
    private Bound bindNamed(String qualifiedName, List<Object> ids, Map<String, Object> kwargs) {
        if (api != Api.RECORDS && ids != null && !ids.isEmpty()) {
            throw new OrmFault(FaultKind.TYPE_ERROR, "cannot call " + qualifiedName + " with ids");
        }
        Map<String, Object> bound = new HashMap<>();
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            if (!e.getKey().equals("context") && params.contains(e.getKey())) {
                bound.put(e.getKey(), e.getValue());
            }
        }
        for (int i = 0; i < required; i++) {
            if (!bound.containsKey(params.get(i))) {
                throw new OrmFault(FaultKind.TYPE_ERROR, "missing a required argument: '" + params.get(i) + "'");
            }
        }
        for (String key : kwargs.keySet()) {
            if (!key.equals("context") && !params.contains(key)) {
                throw new OrmFault(FaultKind.TYPE_ERROR, "got an unexpected keyword argument '" + key + "'");
            }
        }
        return new Bound(api == Api.RECORDS ? (ids == null ? List.of() : ids) : null, bound,
                Ctx.of(kwargs.get("context")), true);
    }

    /** Bound arguments of one call; {@code named} for a JSON-2 call. */
    record Bound(Object ids, Map<String, Object> args, Ctx ctx, boolean named) {
        Object get(String name) {
            return args.getOrDefault(name, ABSENT);
        }

        Object get(String name, Object defaultValue) {
            Object value = args.get(name);
            return value == null && !args.containsKey(name) ? defaultValue : value;
        }

        /** The record ids as an array (an int or a list of ints). */
        int[] idArray() {
            if (ids == null || Boolean.FALSE.equals(ids)) {
                return new int[0];
            }
            try {
                return WireValues.idArray(ids);
            } catch (IllegalArgumentException e) {
                throw new OrmFault(FaultKind.TYPE_ERROR, "ids must be an int or a list of ints, got "
                        + PyRepr.of(ids));
            }
        }

        Integer intArg(String name) {
            Object value = get(name, null);
            if (value == null || Boolean.FALSE.equals(value)) {
                return null;
            }
            if (!(value instanceof Number n)) {
                throw new OrmFault(FaultKind.TYPE_ERROR, "'" + name + "' must be an integer, got " + PyRepr.of(value));
            }
            return n.intValue();
        }
    }
}
