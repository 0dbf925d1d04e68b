package dev.odoobridge.client.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.client.error.InvalidQueryException;
import dev.odoobridge.client.error.MissingRecordException;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.OdooTransportException;
import dev.odoobridge.client.error.UnknownMethodException;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.error.ValidationException;
import dev.odoobridge.client.testing.CapturingOdoo;
import dev.odoobridge.client.testing.RecordedAnswers;
import dev.odoobridge.client.testing.RecordedAnswers.Answer;
import dev.odoobridge.client.testing.RecordedCalls;
import dev.odoobridge.client.Transport;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault recorded on real Odoo 17.0, 18.0 and 19.0 ({@code conformance/}) and every fault of
 * odoo-bridge's own calls ({@code project-calls/19.0}) is replayed to the client over its transport
 * and must raise the expected class of the sealed {@link OdooException} tree. ORM faults come back
 * from a model call; faults of the {@code common} service and of other services from
 * {@link OdooClient#authenticate()}. The expectation is written per scenario below, from the
 * Python exception each recording names.
 */
class FaultRecordingsTest {
    /** Methods that return None: XML-RPC reports a fault, the client answers null (see NoneResultRecordingsTest). */
    private static final Set<String> NONE_SCENARIOS = Set.of("action_archive", "action_unarchive",
            "quant-action_apply_inventory", "mail-send");
    /** Plain HTTP probes of the version endpoints: not faults of a call (see TransportSelectorTest). */
    private static final Set<String> VERSION_PROBES = Set.of("web-version", "json-version");
    /** Python exceptions raised by a call's arguments or values: ValueError, TypeError and kin. */
    private static final Set<String> ARGUMENT_ERRORS = Set.of("ValueError", "TypeError", "KeyError", "IndexError",
            "AssertionError", "InvalidTextRepresentation", "UnprocessableEntity", "BadRequest");

    private static CapturingOdoo odoo;
    /** One client per transport for ORM faults (a service fault gets a fresh client: the uid is cached). */
    private static final Map<Transport, OdooClient> CLIENTS = new EnumMap<>(Transport.class);

    @BeforeAll
    static void start() {
        odoo = new CapturingOdoo(method -> {
            throw new AssertionError("every answer is replayed");
        });
        for (Transport t : List.of(Transport.XMLRPC, Transport.JSONRPC, Transport.JSON2)) {
            CLIENTS.put(t, RecordedReplies.client(odoo.url(), t, RetryPolicy.NONE));
        }
    }

    @AfterAll
    static void stop() {
        CLIENTS.values().forEach(OdooClient::close);
        odoo.close();
    }

    static Stream<Answer> faults() {
        Stream<Answer> conformance = RecordedCalls.VERSIONS.stream().flatMap(v -> RecordedAnswers.conformance(v).stream())
                .filter(a -> !a.ok() && !NONE_SCENARIOS.contains(a.scenario()) && !VERSION_PROBES.contains(a.scenario()));
        Stream<Answer> projectCalls = RecordedAnswers.projectCalls().stream().filter(a -> !a.ok());
        return Stream.concat(conformance, projectCalls);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void raisesTheExpectedClass(Answer answer) {
        Class<? extends OdooException> expected = expected(answer);
        odoo.clear();
        boolean service = answer.service() != null && !"object".equals(answer.service());
        if (service) {
            odoo.replayLogin(answer.raw());
            odoo.replayOrm(null);
        } else {
            odoo.replayLogin(null);
            odoo.replayOrm(answer.raw());
        }
        Transport transport = RecordedReplies.transport(answer.transport());
        Throwable thrown;
        try {
            if (service) {
                try (OdooClient fresh = RecordedReplies.client(odoo.url(), transport, RetryPolicy.NONE)) {
                    thrown = catchThrowable(fresh::authenticate);
                }
            } else {
                thrown = catchThrowable(() -> RecordedReplies.callAgain(CLIENTS.get(transport), answer));
            }
        } finally {
            odoo.replayLogin(null);
            odoo.replayOrm(null);
        }
        assertThat(thrown).as("%s (%s)", answer, answer.faultName()).isExactlyInstanceOf(expected);
        if (thrown instanceof OdooServerException e) {
            assertThat(e.serverMessage()).isNotBlank();
            assertThat(e.isRetryable()).isFalse();
        }
    }

    /** The class each recorded fault must become, from its scenario and Python exception. */
    private static Class<? extends OdooException> expected(Answer a) {
        String s = a.scenario();
        boolean xmlRpc = a.transport().equals("xmlrpc");
        if (a.corpus().equals("project-calls")) {
            // create(vals_list=...) is an IndexError, search_read of a field the server lacks a ValueError
            return InvalidQueryException.class;
        }
        if (in(s, "private-method", "read_group-private", "search_fetch")) {
            return UnknownMethodException.class; // AccessError "Private methods (such as ...) cannot be called remotely"
        }
        if (in(s, "unknown-method", "name_get", "has_access", "formatted_read_group", "formatted_read_group-date")) {
            return UnknownMethodException.class; // AttributeError / JSON-2 404 "The method ... does not exist"
        }
        if (s.equals("unknown-model")) {
            return UnknownModelException.class; // code 2 UserError "Object no.such.model doesn't exist" / JSON-2 404
        }
        if (in(s, "unlink-again", "unlink-missing-id", "write-missing-id", "execute_kw-unknown-uid")) {
            return MissingRecordException.class;
        }
        if (in(s, "create-required-missing", "unlink-partner-with-orders", "unlink-product-with-stock-moves")) {
            // ValidationError; XML-RPC's code 2 carries only the message, so there it is a user error
            return xmlRpc ? UserErrorException.class : ValidationException.class;
        }
        if (in(s, "search-order-injection", "unlink-confirmed-sale-order", "unlink-done-picking")) {
            return UserErrorException.class;
        }
        if (s.startsWith("demo-") || s.endsWith("invalid-company-context")) {
            return AccessErrorException.class;
        }
        if (in(s, "execute_kw-bad-password", "execute_kw-empty-password", "json2-bad-api-key", "json2-no-authorization",
                "json2-password-as-key")) {
            return AccessDeniedException.class;
        }
        if (in(s, "common-authenticate-unknown-db", "execute_kw-unknown-db")) {
            return OdooServerException.class; // psycopg2.OperationalError: database does not exist
        }
        if (in(s, "xmlrpc-malformed-body", "xmlrpc-unknown-service-method", "jsonrpc-unknown-service",
                "json2-get-root", "json2-model-only")) {
            return OdooServerException.class; // ExpatError, NameError, KeyError of a service, JSON-2 404 without a model
        }
        if (in(s, "json2-unknown-database", "json2-text-plain", "json2-no-content-type", "json2-not-available",
                "jsonrpc-malformed-body")) {
            return OdooTransportException.class; // an HTML page (404, 415, 400, 303), not an Odoo fault
        }
        String name = a.faultName() == null ? "" : a.faultName().substring(a.faultName().lastIndexOf('.') + 1);
        assertThat(ARGUMENT_ERRORS).as("%s: no expectation written for %s", a, a.faultName()).contains(name);
        return InvalidQueryException.class;
    }

    private static boolean in(String scenario, String... scenarios) {
        return List.of(scenarios).contains(scenario);
    }
}
