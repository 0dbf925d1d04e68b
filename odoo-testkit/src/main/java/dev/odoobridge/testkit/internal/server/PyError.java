package dev.odoobridge.testkit.internal.server;

import dev.odoobridge.testkit.internal.orm.FakeOrm;
import dev.odoobridge.testkit.internal.orm.OdooRelease;
import java.util.List;
import java.util.Objects;

/**
 * A Python exception as Odoo serializes it: class, message, {@code args}, traceback text, and for
 * werkzeug HTTP exceptions their status code. Each endpoint turns it into its wire shape.
 *
 * @param pythonClass qualified class name, e.g. {@code odoo.exceptions.AccessError} or {@code builtins.KeyError}
 * @param message {@code str(exception)} as Odoo reports it in {@code message}
 * @param arguments the exception's {@code args}
 * @param lastLine the traceback's last line ({@code Type: message})
 * @param httpStatus the werkzeug status code, or 0 when the exception is not an HTTP exception
 */
record PyError(String pythonClass, String message, List<Object> arguments, String lastLine, int httpStatus) {
    PyError {
        Objects.requireNonNull(pythonClass, "pythonClass == null");
        Objects.requireNonNull(message, "message == null");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(lastLine, "lastLine == null");
    }

    /** An {@code odoo.exceptions.*} (or other non-builtin) exception with one argument. */
    static PyError odoo(String pythonClass, String message) {
        return new PyError(pythonClass, message, List.of(message), pythonClass + ": " + message, 0);
    }

    /** A builtin exception such as {@code ValueError}; the traceback shows the short name. */
    static PyError builtin(String shortName, String message) {
        return new PyError("builtins." + shortName, message, List.of(message), shortName + ": " + message, 0);
    }

    /** {@code KeyError(key)}: message is the bare key, the traceback shows its repr. */
    static PyError keyError(String key) {
        return new PyError("builtins.KeyError", key, List.of(key), "KeyError: " + PythonRepr.stringRepr(key), 0);
    }

    /** A werkzeug HTTP exception: {@code args} are the description and the code. */
    static PyError werkzeug(String shortName, int status, String reason, String message) {
        String cls = "werkzeug.exceptions." + shortName;
        return new PyError(cls, message, List.of(message, status),
                cls + ": " + status + " " + reason + ": " + message, status);
    }

    static PyError accessDenied() {
        return odoo("odoo.exceptions.AccessDenied", "Access Denied");
    }

    static PyError notFound(String message) {
        return werkzeug("NotFound", 404, "Not Found", message);
    }

    static PyError unprocessable(String message) {
        return werkzeug("UnprocessableEntity", 422, "Unprocessable Entity", message);
    }

    static PyError unauthorized(String message) {
        return werkzeug("Unauthorized", 401, "Unauthorized", message);
    }

    static PyError badRequest(String message) {
        return werkzeug("BadRequest", 400, "Bad Request", message);
    }

    static PyError privateMethod(OdooRelease release, String model, String method) {
        return odoo("odoo.exceptions.AccessError", FakeOrm.privateMethodMessage(release, model, method));
    }

    /** What connecting to a database that does not exist raises. */
    static PyError unknownDatabase(String db) {
        return odoo("psycopg2.OperationalError", "connection to server at \"127.0.0.1\", port 5432 failed: "
                + "FATAL:  database \"" + db + "\" does not exist");
    }

    boolean isA(String shortOdooName) {
        return pythonClass.equals("odoo.exceptions." + shortOdooName);
    }

    /** AccessDenied, AccessError and every other UserError subclass Odoo reports without a traceback. */
    boolean isUserErrorFamily() {
        return isA("UserError") || isA("ValidationError") || isA("MissingError") || isA("RedirectWarning")
                || isA("AccessError") || isA("AccessDenied");
    }

    /** The XML-RPC {@code faultCode}: 3 AccessDenied, 4 AccessError, 2 other user errors, 1 the rest. */
    int xmlRpcFaultCode() {
        if (isA("AccessDenied")) {
            return 3;
        }
        if (isA("AccessError")) {
            return 4;
        }
        return isUserErrorFamily() ? 2 : 1;
    }

    /** The JSON-2 HTTP status Odoo 19 answers with. */
    int json2Status() {
        if (httpStatus != 0) {
            return httpStatus;
        }
        if (isA("AccessDenied")) {
            return 401;
        }
        if (isA("AccessError")) {
            return 403;
        }
        if (isA("MissingError")) {
            return 404;
        }
        return isUserErrorFamily() ? 422 : 500;
    }
}
