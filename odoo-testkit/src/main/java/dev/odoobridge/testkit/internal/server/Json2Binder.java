package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.internal.orm.OrmRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-2's argument binding: the signatures of the ORM's public methods (as in Odoo 19) and the
 * checks {@code json2.py} makes before calling — {@code ids} on a model method and
 * {@code inspect.Signature.bind} — each failing as 422 UnprocessableEntity with Python's message.
 * Methods not listed (business methods) pass through unchanged.
 */
final class Json2Binder {
    private record Param(String name, boolean required) {
    }

    private record Signature(boolean recordMethod, List<Param> params, boolean varKeywords) {
    }

    private static final Map<String, Signature> SIGNATURES = Map.ofEntries(
            model("search", "domain", "?offset", "?limit", "?order"),
            model("search_count", "domain", "?limit"),
            Map.entry("search_read", new Signature(false, params("?domain", "?fields", "?offset", "?limit", "?order"), true)),
            model("search_fetch", "domain", "field_names", "?offset", "?limit", "?order"),
            records("read", "?fields", "?load"),
            model("fields_get", "?allfields", "?attributes"),
            model("create", "vals_list"),
            records("write", "vals"),
            records("unlink"),
            model("read_group", "domain", "fields", "groupby", "?offset", "?limit", "?orderby", "?lazy"),
            model("formatted_read_group", "domain", "?groupby", "?aggregates", "?having", "?offset", "?limit", "?order"),
            model("name_search", "?name", "?domain", "?operator", "?limit"),
            model("name_create", "name"),
            model("default_get", "fields"),
            records("copy", "?default"),
            records("copy_data", "?default"),
            records("action_archive"),
            records("action_unarchive"));

    private static Map.Entry<String, Signature> model(String name, String... params) {
        return Map.entry(name, new Signature(false, params(params), false));
    }

    private static Map.Entry<String, Signature> records(String name, String... params) {
        return Map.entry(name, new Signature(true, params(params), false));
    }

    private static List<Param> params(String... specs) {
        List<Param> list = new ArrayList<>();
        for (String spec : specs) {
            boolean optional = spec.startsWith("?");
            list.add(new Param(optional ? spec.substring(1) : spec, !optional));
        }
        return List.copyOf(list);
    }

    private Json2Binder() {
    }

    /** Thrown when the arguments do not fit the method. */
    static final class BindingException extends Exception {
        BindingException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Builds the ORM request for {@code POST /json/2/<model>/<method>} with {@code body} as named
     * arguments.
     */
    @SuppressWarnings("unchecked")
    static OrmRequest bind(String model, String method, Map<String, Object> body, int uid) throws BindingException {
        Map<String, Object> kwargs = new LinkedHashMap<>(body);
        Object rawIds = kwargs.remove("ids");
        Object context = kwargs.remove("context");
        List<Object> ids = null;
        if (rawIds instanceof Integer single) {
            rawIds = List.of(single);
        }
        if (rawIds != null) {
            if (!(rawIds instanceof List<?> list)) {
                throw new BindingException("ids must be a list of integers, got " + PythonJsonTypes.name(rawIds));
            }
            ids = (List<Object>) list;
        }
        Signature sig = SIGNATURES.get(method);
        if (sig != null) {
            if (!sig.recordMethod() && ids != null && !ids.isEmpty()) {
                throw new BindingException("cannot call " + model + "." + method + " with ids");
            }
            for (Param p : sig.params()) {
                if (p.required() && !kwargs.containsKey(p.name())) {
                    throw new BindingException("missing a required argument: '" + p.name() + "'");
                }
            }
            if (!sig.varKeywords()) {
                for (String name : kwargs.keySet()) {
                    if (sig.params().stream().noneMatch(p -> p.name().equals(name))) {
                        throw new BindingException("got an unexpected keyword argument '" + name + "'");
                    }
                }
            }
            if (sig.recordMethod() && ids == null) {
                ids = List.of();
            }
            if (!sig.recordMethod()) {
                ids = null;
            }
        }
        if (context != null) {
            kwargs.put("context", context);
        }
        return new OrmRequest(model, method, ids, List.of(), kwargs, uid, true);
    }

    /** Python type names for error messages. */
    static final class PythonJsonTypes {
        private PythonJsonTypes() {
        }

        static String name(Object v) {
            if (v instanceof String) {
                return "str";
            }
            if (v instanceof Boolean) {
                return "bool";
            }
            if (v instanceof Integer || v instanceof Long) {
                return "int";
            }
            if (v instanceof Double) {
                return "float";
            }
            return v instanceof Map ? "dict" : "object";
        }
    }
}
