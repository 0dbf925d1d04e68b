package dev.odoobridge.client.behaviour;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.testing.Recordings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The behaviour contract over XML-RPC ({@code /xmlrpc/2/common}, {@code /xmlrpc/2/object}), served
 * from recordings 01-28. Every case of the contract was recorded over XML-RPC, so none is skipped.
 * Requests are matched with XPath on the {@code methodCall} body; a string param matches whether it
 * is sent typed ({@code <string>}) or untyped, as XML-RPC allows both.
 */
class XmlRpcBehaviourTest extends ClientBehaviourContract {
    private static final String SECRET = "s3cret-password";

    @Override
    protected Transport transport() {
        return Transport.XMLRPC;
    }

    @Override
    protected String secret() {
        return SECRET;
    }

    /** XML-RPC sends ValidationError as fault code 2 with only the message: it is a user error here. */
    @Override
    protected Class<? extends OdooServerException> expectedValidationFault() {
        return UserErrorException.class;
    }

    @Override
    protected void stubPrerequisites(WireMockServer server) {
        var ok = Recordings.load("02-xmlrpc-common-authenticate-ok");
        server.stubFor(authenticate().willReturn(aResponse().withHeader("Content-Type", ok.contentType())
                .withBody(ok.responseBody())));
    }

    @Override
    protected Optional<Stub> stub(Case c) {
        switch (c) {
            case VERSION:
                return stub("01-xmlrpc-common-version", common("version"));
            case AUTHENTICATE_OK:
                return stub("02-xmlrpc-common-authenticate-ok", authenticate());
            case AUTHENTICATE_BAD_PASSWORD:
                return stub("03-xmlrpc-common-authenticate-badpassword", authenticate());
            case SEARCH_READ:
                return stub("06-xmlrpc-product-search_read-limit5", executeKw("product.product", "search_read")
                        .withRequestBody(matchingXPath(kwarg("limit") + "[.='5']"))
                        .withRequestBody(matchingXPath(kwarg("order") + "[.='id']"))
                        .withRequestBody(matchingXPath(arg(1) + "/array/data[not(*)]")));
            case SEARCH_COUNT:
                return stub("09-xmlrpc-partner-search_count", executeKw("res.partner", "search_count"));
            case FIELDS_GET:
                return stub("07-xmlrpc-product-fields_get", executeKw("product.product", "fields_get")
                        .withRequestBody(matchingXPath(kwarg("attributes") + "/array/data/value[1][.='string']")));
            case READ_MISSING_ID:
                return stub("19-xmlrpc-read-missing-id", executeKw("res.partner", "read")
                        .withRequestBody(matchingXPath(ids() + "[.='999999']")));
            case CREATE_ONE:
                return stub("25-xmlrpc-create-partner", executeKw("res.partner", "create")
                        .withRequestBody(matchingXPath(arg(1)
                                + "/array/data/value[1]/struct/member[name='name']/value[.='Recording Partner']")));
            case CREATE_MANY:
                return stub("28-xmlrpc-create-multi-products", executeKw("product.product", "create")
                        .withRequestBody(matchingXPath(arg(1) + "/array/data[count(value) = 2]")));
            case WRITE:
                return stub("26-xmlrpc-write-partner", executeKw("res.partner", "write")
                        .withRequestBody(matchingXPath(ids() + "[.='48']"))
                        .withRequestBody(matchingXPath(arg(2) + "/struct/member[name='phone']/value[.='+1 555 0101']")));
            case UNLINK:
                return stub("27-xmlrpc-unlink-partner", executeKw("res.partner", "unlink")
                        .withRequestBody(matchingXPath(ids() + "[.='48']")));
            case FORMATTED_READ_GROUP:
                return stub("12-xmlrpc-sale-order-line-formatted_read_group-by-product",
                        executeKw("sale.order.line", "formatted_read_group")
                                .withRequestBody(matchingXPath(kwarg("groupby") + "/array/data/value[1][.='product_id']")));
            case FAULT_UNKNOWN_MODEL:
                return stub("16-xmlrpc-missing-model", executeKw("no.such.model", "search_read"));
            case FAULT_UNKNOWN_METHOD:
                return stub("17-xmlrpc-wrong-method-name", executeKw("res.partner", "no_such_method"));
            case FAULT_PRIVATE_METHOD:
                return stub("18-xmlrpc-private-method", executeKw("res.partner", "_read_group"));
            case FAULT_ACCESS_ERROR:
                return stub("13-xmlrpc-accesserror-demo-write-res-company", executeKw("res.company", "write"));
            case FAULT_VALIDATION:
                return stub("14-xmlrpc-validationerror-partner-recursive-parent", executeKw("res.partner", "write")
                        .withRequestBody(matchingXPath(arg(2) + "/struct/member[name='parent_id']")));
            case FAULT_USER_ERROR:
                return stub("15-xmlrpc-usererror-unlink-confirmed-sale-order", executeKw("sale.order", "unlink"));
            case FAULT_MISSING_RECORD:
                return stub("20-xmlrpc-write-missing-id", executeKw("res.partner", "write")
                        .withRequestBody(matchingXPath(ids() + "[.='999999']")));
            case FAULT_BAD_FIELD:
                return stub("21-xmlrpc-write-bad-field", executeKw("res.partner", "write")
                        .withRequestBody(matchingXPath(arg(2) + "/struct/member[name='no_such_field']")));
            case FAULT_BAD_DOMAIN:
                return stub("22-xmlrpc-search_read-bad-domain-field", executeKw("res.partner", "search_read")
                        .withRequestBody(matchingXPath(arg(1) + "/array/data/value[1]/array/data/value[1][.='no_such_field']")));
            case FAULT_BAD_CREDENTIALS:
                return stub("24-xmlrpc-execute_kw-bad-password", executeKw("res.partner", "search_count"));
            default:
                throw new AssertionError("every contract case was recorded over XML-RPC; add a stub for " + c);
        }
    }

    /** The contract only checks the class; over XML-RPC the fault is exactly a user error carrying Odoo's message. */
    @Test
    void validationErrorKeepsOdoosMessage() {
        Stub stub = stub(Case.FAULT_VALIDATION).orElseThrow();
        var rec = Recordings.load(stub.recording());
        server.stubFor(stub.request().willReturn(aResponse().withHeader("Content-Type", rec.contentType())
                .withBody(rec.responseBody())));
        UserErrorException e = catchThrowableOfType(UserErrorException.class,
                () -> client.model("res.partner").write(List.of(43L), Map.of("parent_id", 43)));
        assertThat(e.getClass()).isEqualTo(UserErrorException.class);
        assertThat(e.serverMessage()).isEqualTo("You cannot create recursive Partner hierarchies.");
        assertThat(e.fault().faultCode()).isEqualTo(2);
    }

    private static Optional<Stub> stub(String recording, MappingBuilder request) {
        return Optional.of(new Stub(recording, request));
    }

    private static String param(int position) {
        return "/methodCall/params/param[" + position + "]/value";
    }

    /** The value of a named argument in execute_kw's kwargs struct (7th param). */
    private static String kwarg(String name) {
        return param(7) + "/struct/member[name='" + name + "']/value";
    }

    /** The n-th positional argument in execute_kw's args (6th param). */
    private static String arg(int position) {
        return param(6) + "/array/data/value[" + position + "]";
    }

    /** The ids, sent as the first positional argument of execute_kw (6th param: [[ids], ...]). */
    private static String ids() {
        return arg(1) + "/array/data/value";
    }

    private static MappingBuilder common(String method) {
        return post(urlPathEqualTo("/xmlrpc/2/common"))
                .withRequestBody(matchingXPath("/methodCall/methodName[.='" + method + "']"));
    }

    private static MappingBuilder authenticate() {
        return common("authenticate")
                .withRequestBody(matchingXPath(param(1) + "[.='retail']"))
                .withRequestBody(matchingXPath(param(2) + "[.='admin']"))
                .withRequestBody(matchingXPath(param(3) + "[.='" + SECRET + "']"));
    }

    private static MappingBuilder executeKw(String model, String method) {
        return post(urlPathEqualTo("/xmlrpc/2/object"))
                .withRequestBody(matchingXPath("/methodCall/methodName[.='execute_kw']"))
                .withRequestBody(matchingXPath(param(1) + "[.='retail']"))
                .withRequestBody(matchingXPath(param(2) + "/*[self::int or self::i4][.='2']"))
                .withRequestBody(matchingXPath(param(3) + "[.='" + SECRET + "']"))
                .withRequestBody(matchingXPath(param(4) + "[.='" + model + "']"))
                .withRequestBody(matchingXPath(param(5) + "[.='" + method + "']"));
    }
}
