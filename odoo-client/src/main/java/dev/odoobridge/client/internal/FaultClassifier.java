package dev.odoobridge.client.internal;

import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.client.error.InvalidQueryException;
import dev.odoobridge.client.error.MissingRecordException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.ServerFault;
import dev.odoobridge.client.error.UnknownMethodException;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.error.ValidationException;
import java.util.regex.Pattern;

/**
 * Turns a server fault into the right exception class from the Python exception type and, where
 * Odoo reuses a type for several cases, the message. Every transport's translator ends here, so
 * the mapping exists once.
 */
public final class FaultClassifier {
    private static final Pattern MISSING_MODEL = Pattern.compile(
            "^(Object \\S+ doesn't exist|the model '[^']*' does not exist)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MISSING_METHOD = Pattern.compile("^The method '[^']*' does not exist");
    private static final Pattern PRIVATE_METHOD = Pattern.compile("^Private methods \\(such as");
    private static final Pattern MISSING_RECORD = Pattern.compile("Record does not exist or has been deleted");

    private FaultClassifier() {
    }

    /**
     * Classifies a fault.
     *
     * @param model model called, or null for service calls
     * @param method method called
     * @param fault what the server said; {@code exceptionType} may be fully qualified or bare
     */
    public static OdooServerException classify(String model, String method, ServerFault fault) {
        String type = simpleName(fault.exceptionType());
        String message = fault.message();
        switch (type) {
            case "AccessDenied":
            case "Unauthorized":
                return new AccessDeniedException(model, method, fault);
            case "AccessError":
                return PRIVATE_METHOD.matcher(message).find()
                        ? new UnknownMethodException(model, method, fault)
                        : new AccessErrorException(model, method, fault);
            case "ValidationError":
                return new ValidationException(model, method, fault);
            case "MissingError":
                return new MissingRecordException(model, method, fault);
            case "UserError":
            case "RedirectWarning":
            case "Warning":
            case "except_orm":
                if (MISSING_MODEL.matcher(message).find()) {
                    return new UnknownModelException(model, method, fault);
                }
                return MISSING_RECORD.matcher(message).find()
                        ? new MissingRecordException(model, method, fault)
                        : new UserErrorException(model, method, fault);
            case "NotFound":
                if (MISSING_MODEL.matcher(message).find()) {
                    return new UnknownModelException(model, method, fault);
                }
                if (MISSING_METHOD.matcher(message).find()) {
                    return new UnknownMethodException(model, method, fault);
                }
                return new OdooServerException(model, method, fault);
            case "AttributeError":
                return MISSING_METHOD.matcher(message).find()
                        ? new UnknownMethodException(model, method, fault)
                        : new OdooServerException(model, method, fault);
            case "ValueError":
            case "TypeError":
            case "UnprocessableEntity":
            case "BadRequest":
                return new InvalidQueryException(model, method, fault);
            case "KeyError":
                // a KeyError inside a model call is an unknown field name (19.0's write); on a service it is an unknown service
            case "IndexError":
                // create without positional records (call_kw reads args[0]), a malformed x2many command
            case "AssertionError":
                // a domain that is not a list (17.0 and 18.0)
            case "InvalidTextRepresentation":
            case "InvalidDatetimeFormat":
            case "NumericValueOutOfRange":
            case "StringDataRightTruncation":
                // psycopg2 data errors: a value of the wrong type reached SQL (a many2one given a name)
                return model != null ? new InvalidQueryException(model, method, fault)
                        : new OdooServerException(model, method, fault);
            default:
                return new OdooServerException(model, method, fault);
        }
    }

    private static String simpleName(String type) {
        if (type == null) {
            return "";
        }
        int dot = type.lastIndexOf('.');
        return dot >= 0 ? type.substring(dot + 1) : type;
    }
}
