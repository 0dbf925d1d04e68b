package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.internal.orm.OdooRelease;
import dev.odoobridge.testkit.internal.orm.OrmApi;
import dev.odoobridge.testkit.internal.orm.OrmFault;
import dev.odoobridge.testkit.internal.orm.OrmRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Odoo's {@code dispatch_rpc}: the {@code common}, {@code object} and {@code db} services shared by
 * XML-RPC and JSON-RPC, with their argument checks and faults.
 */
final class RpcDispatcher {
    private final OrmApi orm;
    private final OdooRelease release;
    private final Credentials credentials;
    private final String database;

    RpcDispatcher(OrmApi orm, OdooRelease release, Credentials credentials, String database) {
        this.orm = Objects.requireNonNull(orm, "orm == null");
        this.release = Objects.requireNonNull(release, "release == null");
        this.credentials = Objects.requireNonNull(credentials, "credentials == null");
        this.database = Objects.requireNonNull(database, "database == null");
    }

    Object dispatch(String service, String method, List<Object> params) throws PyException {
        return switch (service) {
            case "common" -> common(method, params);
            case "object" -> object(method, params);
            case "db" -> db(method, params);
            default -> throw new PyException(PyError.keyError(service));
        };
    }

    private Object common(String method, List<Object> params) throws PyException {
        switch (method) {
            case "version" -> {
                return ServerVersionInfo.commonVersion(release);
            }
            case "authenticate", "login" -> {
                int required = method.equals("login") ? 3 : 4;
                arity("exp_" + method, params, required, required);
                checkDatabase(params.get(0));
                OptionalInt uid = credentials.authenticate(string(params.get(1)), string(params.get(2)));
                return uid.isPresent() ? (Object) uid.getAsInt() : (Object) Boolean.FALSE;
            }
            default -> throw new PyException(PyError.keyError("exp_" + method));
        }
    }

    private Object db(String method, List<Object> params) throws PyException {
        return switch (method) {
            case "list" -> List.of(database);
            case "server_version" -> release.version();
            case "db_exist" -> {
                arity("exp_db_exist", params, 1, 1);
                yield database.equals(params.get(0));
            }
            default -> throw new PyException(PyError.keyError("exp_" + method));
        };
    }

    @SuppressWarnings("unchecked")
    private Object object(String method, List<Object> params) throws PyException {
        boolean kw = method.equals("execute_kw");
        if (!kw && !method.equals("execute")) {
            throw new PyException(PyError.builtin("NameError", "Method not available " + method));
        }
        if (params.size() < 5 && release.major() >= 19) {
            // 19.0 unpacks db, uid, password, model, method before anything else
            throw new PyException(PyError.builtin("ValueError", "not enough values to unpack (expected at least 5, got "
                    + params.size() + ")"));
        }
        arity(method, params, 3, Integer.MAX_VALUE);
        checkDatabase(params.get(0));
        if (!(params.get(1) instanceof Integer uid) || !credentials.check(uid, string(params.get(2)))) {
            if (params.get(1) instanceof Integer unknown && !credentials.exists(unknown)) {
                throw new PyException(PyError.odoo("odoo.exceptions.MissingError", "Record does not exist or has "
                        + "been deleted.\n(Record: res.users(" + unknown + ",), User: " + unknown + ")"));
            }
            throw new PyException(PyError.accessDenied());
        }
        if (params.size() < 5) {
            // 17.0/18.0: execute_kw(db, uid, obj, method, args, kw=None) called with db, uid and params[3:]
            List<String> names = kw ? List.of("'obj'", "'method'", "'args'") : List.of("'obj'", "'method'");
            List<String> missing = names.subList(params.size() - 3, names.size());
            throw new PyException(PyError.builtin("TypeError", method + "() missing " + missing.size()
                    + " required positional argument" + (missing.size() == 1 ? ": " : "s: ")
                    + (missing.size() == 1 ? missing.get(0) : String.join(", ", missing.subList(0, missing.size() - 1))
                    + (missing.size() > 2 ? "," : "") + " and " + missing.get(missing.size() - 1))));
        }
        if (kw) {
            arity(method, params, 5, 7);
        }
        String model = string(params.get(3));
        String name = string(params.get(4));
        List<Object> args;
        Map<String, Object> kwargs;
        if (kw) {
            args = params.size() > 5 ? list(params.get(5), "args") : List.of();
            kwargs = params.size() > 6 ? map(params.get(6)) : Map.of();
        } else {
            args = params.subList(5, params.size());
            kwargs = Map.of();
        }
        if (model == null || !orm.models().contains(model)) {
            throw new PyException(PyError.odoo("odoo.exceptions.UserError", "Object " + model + " doesn't exist"));
        }
        if (name == null || name.startsWith("_")) {
            throw new PyException(PyError.privateMethod(release, model, name));
        }
        try {
            return orm.execute(new OrmRequest(model, name, null, args, kwargs, uid));
        } catch (OrmFault fault) {
            throw new PyException(OrmFaults.forRpc(fault, model, name));
        } catch (RuntimeException e) {
            throw new PyException(PyError.builtin("Exception", String.valueOf(e.getMessage())));
        }
    }

    private void checkDatabase(Object db) throws PyException {
        if (!database.equals(db)) {
            throw new PyException(PyError.unknownDatabase(String.valueOf(db)));
        }
    }

    private static void arity(String function, List<Object> params, int min, int max) throws PyException {
        if (params.size() < min) {
            int missing = min - params.size();
            throw new PyException(PyError.builtin("TypeError", function + "() missing " + missing
                    + " required positional argument" + (missing == 1 ? "" : "s")));
        }
        if (params.size() > max) {
            throw new PyException(PyError.builtin("TypeError", function + "() takes " + max
                    + " positional arguments but " + params.size() + " were given"));
        }
    }

    private static String string(Object v) {
        return v instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v, String what) throws PyException {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new PyException(PyError.builtin("TypeError", "execute_kw() " + what + " must be a list"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) throws PyException {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new PyException(PyError.builtin("TypeError", "execute_kw() argument after ** must be a mapping"));
    }
}
