package dev.odoobridge.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.ServerFault;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The classifier never throws: any exception type (known, dotted, bare, odd, null) with any message
 * gives a server exception that keeps the fault and says where it happened. Fixed seed.
 */
class FaultClassifierPropertiesTest {

    @Property(tries = 1000, seed = "20261121")
    void anyFaultGivesAServerException(@ForAll("types") String type, @ForAll("messages") String message,
                                       @ForAll("models") String model, @ForAll("methods") String method) {
        ServerFault fault = new ServerFault(type, message, null, 0, 200);
        OdooServerException e = FaultClassifier.classify(model, method, fault);
        assertThat(e).isNotNull();
        assertThat(e.fault()).isSameAs(fault);
        assertThat(e.serverMessage()).isEqualTo(message);
        assertThat(e.getMessage()).endsWith(message);
        assertThat(e.model()).isEqualTo(model);
        assertThat(e.isRetryable()).isFalse();
    }

    @Provide
    Arbitrary<String> types() {
        Arbitrary<String> known = Arbitraries.of("AccessDenied", "Unauthorized", "AccessError", "ValidationError",
                "MissingError", "UserError", "RedirectWarning", "Warning", "except_orm", "NotFound", "AttributeError",
                "ValueError", "TypeError", "UnprocessableEntity", "BadRequest", "KeyError", "psycopg2.OperationalError");
        Arbitrary<String> prefixed = known.flatMap(k -> Arbitraries.of("odoo.exceptions.", "werkzeug.exceptions.", "builtins.",
                "", ".", "a..b.").map(p -> p + k));
        Arbitrary<String> odd = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, prefixed), net.jqwik.api.Tuple.of(3, odd),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", ".", "...", "odoo.exceptions.")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> shaped = Arbitraries.of("Object %s doesn't exist", "the model '%s' does not exist",
                "The method '%s' does not exist", "Private methods (such as '%s') cannot be called remotely.",
                "Record does not exist or has been deleted.%s", "%s").flatMap(f ->
                Arbitraries.strings().ofMaxLength(30).map(s -> f.replace("%s", s)));
        return Arbitraries.oneOf(shaped, Arbitraries.strings().ofMaxLength(200), Arbitraries.strings().all().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> models() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("res.partner", "no.such.model", ""));
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("write", "authenticate", "_read_group", ""));
    }
}
