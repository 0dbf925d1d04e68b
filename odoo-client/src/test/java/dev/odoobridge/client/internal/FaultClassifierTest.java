package dev.odoobridge.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.ServerFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultClassifierTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "odoo.exceptions.AccessDenied|Access Denied|AccessDeniedException",
        "werkzeug.exceptions.Unauthorized|Invalid apikey|AccessDeniedException",
        "odoo.exceptions.AccessError|You are not allowed|AccessErrorException",
        "odoo.exceptions.AccessError|Private methods (such as 'x._y') cannot be called remotely.|UnknownMethodException",
        "odoo.exceptions.ValidationError|recursive|ValidationException",
        "odoo.exceptions.MissingError|Record does not exist or has been deleted.|MissingRecordException",
        "odoo.exceptions.UserError|Object no.such.model doesn't exist|UnknownModelException",
        "odoo.exceptions.UserError|Record does not exist or has been deleted.|MissingRecordException",
        "odoo.exceptions.UserError|You can not delete a confirmed order|UserErrorException",
        "werkzeug.exceptions.NotFound|the model 'x' does not exist|UnknownModelException",
        "werkzeug.exceptions.NotFound|The method 'x.y' does not exist|UnknownMethodException",
        "werkzeug.exceptions.NotFound|Did you mean POST|OdooServerException",
        "AttributeError|The method 'x.y' does not exist|UnknownMethodException",
        "builtins.ValueError|Invalid field|InvalidQueryException",
        "TypeError|bad arg|InvalidQueryException",
        "werkzeug.exceptions.UnprocessableEntity|missing a required argument|InvalidQueryException",
        "builtins.KeyError|no_such_field|InvalidQueryException",
        "psycopg2.OperationalError|database does not exist|OdooServerException"
    })
    void classifiesByPythonTypeAndMessage(String type, String message, String expected) {
        OdooServerException e = FaultClassifier.classify("res.partner", "write", new ServerFault(type, message, "tb", 0, 200));
        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(e.traceback()).isEqualTo("tb");
        assertThat(e.isRetryable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"KeyError", "builtins.KeyError"})
    void keyErrorOnAServiceIsGeneric(String type) {
        assertThat(FaultClassifier.classify(null, "dispatch", new ServerFault(type, "x", null, 1, 200)))
                .isExactlyInstanceOf(OdooServerException.class);
    }
}
