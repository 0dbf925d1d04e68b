package dev.odoobridge.client.internal.xmlrpc;

import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.ServerFault;
import dev.odoobridge.client.internal.FaultClassifier;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where XML-RPC faults become exceptions. Odoo's fault codes say little (1 = any
 * exception with a Python traceback, 2 = UserError / ValidationError / MissingError / missing
 * model, 3 = AccessDenied, 4 = AccessError), so the Python exception type is derived from the
 * code and, for code 1, from the traceback's exception line; {@link FaultClassifier} then picks
 * the class, as it does for every transport.
 */
final class XmlRpcFaultTranslator {
    /** An exception line: {@code module.ExceptionType: message} or a bare {@code ExceptionType}. */
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^([A-Za-z_][\\w.]*)(?::(?: (.*))?)?$", Pattern.DOTALL);
    private static final Pattern MISSING_MODEL = Pattern.compile("^Object \\S+ doesn't exist");
    private static final String MISSING_RECORD = "Record does not exist or has been deleted";
    private static final int HTTP_OK = 200;
    private static final String CANNOT_MARSHAL_NONE = "cannot marshal None unless allow_none is enabled";

    private XmlRpcFaultTranslator() {
    }

    /**
     * Translates a fault.
     *
     * @param model model called, or null for service calls
     * @param method method called
     * @param faultCode XML-RPC {@code faultCode}
     * @param faultString XML-RPC {@code faultString}
     */
    static OdooServerException translate(String model, String method, int faultCode, String faultString) {
        return FaultClassifier.classify(model, method, fault(faultCode, faultString));
    }

    /**
     * True for the fault Odoo sends when the method returned None: code 1 with a traceback ending
     * {@code TypeError: cannot marshal None unless allow_none is enabled}. Odoo marshals the answer
     * after committing, so the call did its work (recorded for {@code action_archive},
     * {@code action_unarchive}, {@code stock.quant.action_apply_inventory} and {@code mail.mail.send}
     * on 17.0, 18.0 and 19.0); the answer is "nothing", not an error, and must never be retried.
     */
    static boolean isNoneResult(int faultCode, String faultString) {
        if (faultCode != 1 || faultString == null || !faultString.contains(CANNOT_MARSHAL_NONE)) {
            return false;
        }
        ServerFault fault = fault(faultCode, faultString);
        return "TypeError".equals(fault.exceptionType()) && CANNOT_MARSHAL_NONE.equals(fault.message());
    }

    /** {@code common.authenticate} answered False: wrong login, password / API key or database. */
    static AccessDeniedException authenticationRefused(String login, String database) {
        String message = "Odoo refused to authenticate login '" + login + "' on database '" + database
                + "': check the login, the password or API key, and the database name";
        return (AccessDeniedException) FaultClassifier.classify(null, "authenticate",
                new ServerFault("odoo.exceptions.AccessDenied", message, null, 0, HTTP_OK));
    }

    static ServerFault fault(int faultCode, String faultString) {
        String text = faultString == null ? "" : faultString;
        return switch (faultCode) {
            case 2 -> new ServerFault(userErrorType(text), text.strip(), null, faultCode, HTTP_OK);
            case 3 -> new ServerFault("odoo.exceptions.AccessDenied", text.strip(), null, faultCode, HTTP_OK);
            case 4 -> new ServerFault("odoo.exceptions.AccessError", text.strip(), null, faultCode, HTTP_OK);
            default -> fromTraceback(faultCode, text);
        };
    }

    private static String userErrorType(String message) {
        if (MISSING_MODEL.matcher(message).find()) {
            return "odoo.exceptions.UserError";
        }
        return message.contains(MISSING_RECORD) ? "odoo.exceptions.MissingError" : "odoo.exceptions.UserError";
    }

    /**
     * Code 1 (or anything unknown): the faultString is a Python traceback. Its exception line is the
     * first line at column 0 after the last {@code File "..."} frame; a message may continue on the
     * following lines. Without frames, the last line shaped like {@code Type: message} is used.
     */
    private static ServerFault fromTraceback(int faultCode, String text) {
        String[] lines = text.split("\r?\n", -1);
        int exceptionLine = -1;
        int lastFrame = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("  File \"")) {
                lastFrame = i;
            }
        }
        if (lastFrame >= 0) {
            for (int i = lastFrame + 1; i < lines.length; i++) {
                if (!lines[i].isEmpty() && !Character.isWhitespace(lines[i].charAt(0))) {
                    exceptionLine = i;
                    break;
                }
            }
        } else {
            for (int i = lines.length - 1; i >= 0; i--) {
                if (lines[i].contains(": ") && EXCEPTION_LINE.matcher(lines[i]).matches()) {
                    exceptionLine = i;
                    break;
                }
            }
        }
        String traceback = lastFrame >= 0 ? text : null;
        if (exceptionLine < 0) {
            return new ServerFault(null, text.isBlank() ? "Odoo sent an empty fault (code " + faultCode + ")" : text.strip(),
                    traceback, faultCode, HTTP_OK);
        }
        String rest = String.join("\n", Arrays.copyOfRange(lines, exceptionLine, lines.length)).strip();
        Matcher m = EXCEPTION_LINE.matcher(rest);
        if (!m.matches()) {
            return new ServerFault(null, rest, traceback, faultCode, HTTP_OK);
        }
        String message = m.group(2) == null ? m.group(1) : m.group(2).strip();
        return new ServerFault(m.group(1), message.isEmpty() ? m.group(1) : message, traceback, faultCode, HTTP_OK);
    }
}
