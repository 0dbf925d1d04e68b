package dev.odoobridge.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.odoobridge.client.testing.Recordings;
import dev.odoobridge.client.testing.Recordings.RecordedExchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every JSON-RPC and JSON-2 fault recording translates to the right exception class, through each transport's one translator. */
class JsonFaultRecordingsTest {
    private static final Map<String, Class<? extends OdooException>> EXPECTED = Map.ofEntries(
            Map.entry("34-jsonrpc-fault-missing-model", UnknownModelException.class),
            Map.entry("35-jsonrpc-fault-accesserror-demo-write-res-company", AccessErrorException.class),
            Map.entry("36-jsonrpc-fault-validationerror", ValidationException.class),
            Map.entry("38-jsonrpc-fault-missingerror-write-missing-id", MissingRecordException.class),
            Map.entry("39-jsonrpc-fault-bad-password", AccessDeniedException.class),
            Map.entry("48-json2-missing-model", UnknownModelException.class),
            Map.entry("49-json2-wrong-method-name", UnknownMethodException.class),
            Map.entry("50-json2-private-method", UnknownMethodException.class),
            Map.entry("51-json2-bad-api-key", AccessDeniedException.class),
            Map.entry("52-json2-no-authorization", AccessDeniedException.class),
            Map.entry("53-json2-accesserror-demo-write-res-company", AccessErrorException.class),
            Map.entry("54-json2-validationerror-partner-recursive-parent", ValidationException.class),
            Map.entry("55-json2-usererror-unlink-confirmed-sale-order", UserErrorException.class),
            Map.entry("57-json2-write-missing-id", MissingRecordException.class),
            Map.entry("58-json2-write-bad-field", InvalidQueryException.class),
            Map.entry("59-json2-search_read-bad-domain", InvalidQueryException.class),
            Map.entry("60-json2-bad-argument-name", InvalidQueryException.class),
            Map.entry("61-json2-ids-on-model-method", InvalidQueryException.class),
            Map.entry("65-json2-get-root", OdooServerException.class),
            Map.entry("66-json2-bad-db-header", OdooTransportException.class));

    static Stream<Arguments> faults() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void everyJsonFaultRecordingIsCovered() {
        List<String> faulty = Recordings.names().stream()
                .filter(n -> n.contains("jsonrpc") || n.contains("json2"))
                .filter(n -> {
                    RecordedExchange r = Recordings.load(n);
                    return r.status() != 200 || r.responseBody().startsWith("{\"jsonrpc\": \"2.0\", \"id\"")
                            && r.responseBody().contains("\"error\"");
                })
                .collect(Collectors.toList());
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(faulty);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void translates(String name, Class<? extends OdooException> expected) throws Exception {
        RecordedExchange rec = Recordings.load(name);
        String[] path = rec.path().split("/");
        String model = path.length > 3 ? path[3] : null;
        String method = path.length > 4 ? path[4] : null;
        OdooException e;
        if (name.contains("jsonrpc")) {
            Object error = ((Map<?, ?>) new JsonCodec().decode(rec.responseBody().getBytes(StandardCharsets.UTF_8))).get("error");
            e = JsonRpcFaultTranslator.translate("res.partner", "write", error, rec.status());
        } else {
            e = new Json2FaultTranslator(new JsonCodec(), "no_such_db", "http://odoo").translate(model, method,
                    rec.path(), rec.status(), rec.contentType(), rec.responseBody().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(e).isExactlyInstanceOf(expected);
        if (e instanceof OdooServerException s) {
            assertThat(s.fault().httpStatus()).isEqualTo(rec.status());
            assertThat(s.serverMessage()).isNotBlank();
        }
    }
}
