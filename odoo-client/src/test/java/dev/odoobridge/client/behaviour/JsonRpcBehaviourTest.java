package dev.odoobridge.client.behaviour;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.testing.Recordings;
import java.util.Optional;

/** The behaviour contract over JSON-RPC ({@code /jsonrpc}), served from recordings 30-39. */
class JsonRpcBehaviourTest extends ClientBehaviourContract {
    private static final String SECRET = "s3cret-password";

    @Override
    protected Transport transport() {
        return Transport.JSONRPC;
    }

    @Override
    protected String secret() {
        return SECRET;
    }

    @Override
    protected void stubPrerequisites(WireMockServer server) {
        var ok = Recordings.load("31-jsonrpc-common-authenticate-ok");
        server.stubFor(service("common", "authenticate")
                .withRequestBody(matchingJsonPath("$.params.args[2]", equalTo(SECRET)))
                .willReturn(aResponse().withHeader("Content-Type", ok.contentType()).withBody(ok.responseBody())));
    }

    @Override
    protected Optional<Stub> stub(Case c) {
        switch (c) {
            case VERSION:
                return Optional.of(new Stub("30-jsonrpc-common-version", service("common", "version")));
            case AUTHENTICATE_OK:
                return Optional.of(new Stub("31-jsonrpc-common-authenticate-ok", service("common", "authenticate")
                        .withRequestBody(matchingJsonPath("$.params.args[0]", equalTo("retail")))
                        .withRequestBody(matchingJsonPath("$.params.args[1]", equalTo("admin")))));
            case AUTHENTICATE_BAD_PASSWORD:
                return Optional.of(new Stub("32-jsonrpc-common-authenticate-badpassword", service("common", "authenticate")));
            case SEARCH_READ:
                return Optional.of(new Stub("33-jsonrpc-product-search_read-limit5", executeKw("product.product", "search_read")
                        .withRequestBody(matchingJsonPath("$.params.args[6].limit", equalTo("5")))));
            case READ_MISSING_ID:
                return Optional.of(new Stub("37-jsonrpc-read-missing-id", executeKw("res.partner", "read")
                        .withRequestBody(matchingJsonPath("$.params.args[5][0][0]", equalTo("999999")))));
            case FAULT_UNKNOWN_MODEL:
                return Optional.of(new Stub("34-jsonrpc-fault-missing-model", executeKw("no.such.model", "search_read")));
            case FAULT_ACCESS_ERROR:
                return Optional.of(new Stub("35-jsonrpc-fault-accesserror-demo-write-res-company", executeKw("res.company", "write")));
            case FAULT_VALIDATION:
                return Optional.of(new Stub("36-jsonrpc-fault-validationerror", executeKw("res.partner", "write")));
            case FAULT_MISSING_RECORD:
                return Optional.of(new Stub("38-jsonrpc-fault-missingerror-write-missing-id", executeKw("res.partner", "write")));
            case FAULT_BAD_CREDENTIALS:
                return Optional.of(new Stub("39-jsonrpc-fault-bad-password", executeKw("res.partner", "search_count")));
            case SEARCH_COUNT:
            case FIELDS_GET:
            case CREATE_ONE:
            case CREATE_MANY:
            case WRITE:
            case UNLINK:
            case FORMATTED_READ_GROUP:
            case FAULT_UNKNOWN_METHOD:
            case FAULT_PRIVATE_METHOD:
            case FAULT_USER_ERROR:
            case FAULT_BAD_FIELD:
            case FAULT_BAD_DOMAIN:
                return Optional.empty(); // the JSON-RPC recordings (30-39) do not include these calls
            default:
                throw new AssertionError("no JSON-RPC stub decided for " + c);
        }
    }

    private static MappingBuilder service(String service, String method) {
        return post(urlPathEqualTo("/jsonrpc"))
                .withRequestBody(matchingJsonPath("$.jsonrpc", equalTo("2.0")))
                .withRequestBody(matchingJsonPath("$.params.service", equalTo(service)))
                .withRequestBody(matchingJsonPath("$.params.method", equalTo(method)));
    }

    private static MappingBuilder executeKw(String model, String method) {
        return service("object", "execute_kw")
                .withRequestBody(matchingJsonPath("$.params.args[0]", equalTo("retail")))
                .withRequestBody(matchingJsonPath("$.params.args[1]", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.params.args[2]", equalTo(SECRET)))
                .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(model)))
                .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo(method)));
    }
}
