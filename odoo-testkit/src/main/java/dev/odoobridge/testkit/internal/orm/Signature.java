package dev.odoobridge.testkit.internal.orm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python method signature: binds positional and named arguments like {@code inspect.signature(...).bind} does,
 * with the same TypeError messages.
 *
 * @param recordMethod whether the method runs on records (takes {@code ids} first)
 * @param params parameter names in order
 * @param required how many leading parameters have no default
 */
record Signature(boolean recordMethod, List<String> params, int required) {
    /** Marker for a parameter that was not given (its default applies). */
    static final Object ABSENT = new Object();

    Signature {
        params = List.copyOf(params);
    }

    static Signature model(int required, String... params) {
        return new Signature(false, List.of(params), required);
    }

    static Signature records(int required, String... params) {
        return new Signature(true, List.of(params), required);
    }

    /**
     * Binds the arguments; {@code ids} comes from the request (JSON-2) or, when null, from the first positional
     * argument of a record method.
     *
     * @throws OrmFault TYPE_ERROR for missing, unexpected or duplicated arguments
     */
    Bound bind(String qualifiedName, List<Object> ids, List<Object> args, Map<String, Object> kwargs) {
        List<Object> positional = args;
        Object boundIds = ids;
        if (recordMethod && ids == null) {
            if (positional.isEmpty()) {
                throw new OrmFault(FaultKind.TYPE_ERROR, qualifiedName + "() missing 1 required positional argument: "
                        + "'self'");
            }
            boundIds = positional.get(0);
            positional = positional.subList(1, positional.size());
        } else if (!recordMethod && ids != null && !ids.isEmpty()) {
            throw new OrmFault(FaultKind.TYPE_ERROR, "cannot call " + qualifiedName + " with ids");
        }
        if (positional.size() > params.size()) {
            throw new OrmFault(FaultKind.TYPE_ERROR, "too many positional arguments");
        }
        Map<String, Object> bound = new HashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            bound.put(params.get(i), positional.get(i));
        }
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            if (e.getKey().equals("context")) {
                continue;
            }
            if (bound.containsKey(e.getKey())) {
                throw new OrmFault(FaultKind.TYPE_ERROR, "multiple values for argument '" + e.getKey() + "'");
            }
            if (params.contains(e.getKey())) {
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
        return new Bound(boundIds, bound, Ctx.of(kwargs.get("context")));
    }

    /** Bound arguments of one call. */
    record Bound(Object ids, Map<String, Object> args, Ctx ctx) {
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
