package dev.odoobridge.client.behaviour;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.odoobridge.client.Transport;
import java.util.Optional;

/**
 * The behaviour contract over JSON-2 ({@code /json/2/<model>/<method>}), served from recordings 40-64
 * and two synthetic answers for calls not recorded over JSON-2: {@code res.users/context_get} (the
 * shape of Odoo 19's {@code ResUsers.context_get}: the user's {@code lang} and {@code tz} read
 * without {@code id}, then {@code uid}) and a create of two records (recording 62's shape: the
 * bare list of new ids).
 */
class Json2BehaviourTest extends ClientBehaviourContract {
    private static final String API_KEY = "ffd124b4ed6fe0596bf7ffc40290d3556bc870bf";

    @Override
    protected Transport transport() {
        return Transport.JSON2;
    }

    @Override
    protected String secret() {
        return API_KEY;
    }

    @Override
    protected Optional<Stub> stub(Case c) {
        switch (c) {
            case VERSION:
                return Optional.of(new Stub("40-web-version-get", get(urlPathEqualTo("/web/version"))));
            case AUTHENTICATE_OK:
                return Optional.of(Stub.synthetic("res.users.context_get in Odoo 19 (odoo/addons/base/models/res_users.py)",
                        "{\"lang\": \"en_US\", \"tz\": \"Europe/Brussels\", \"uid\": 2}",
                        call("res.users", "context_get").withRequestBody(equalToJson("{}"))));
            case AUTHENTICATE_BAD_PASSWORD:
                // a refused key gets the same 401 body whatever the method; recorded on search_count
                return Optional.of(new Stub("51-json2-bad-api-key", call("res.users", "context_get")));
            case SEARCH_READ:
                return Optional.of(new Stub("41-json2-product-search_read-limit5", call("product.product", "search_read")
                        .withRequestBody(matchingJsonPath("$.limit", equalTo("5")))
                        .withRequestBody(matchingJsonPath("$.order", equalTo("id")))
                        .withRequestBody(matchingJsonPath("$.domain.length()", equalTo("0")))));
            case SEARCH_COUNT:
                return Optional.of(new Stub("43-json2-partner-search_count", call("res.partner", "search_count")));
            case FIELDS_GET:
                return Optional.of(new Stub("44-json2-product-fields_get", call("product.product", "fields_get")
                        .withRequestBody(matchingJsonPath("$.attributes[0]", equalTo("string")))));
            case READ_MISSING_ID:
                return Optional.of(new Stub("56-json2-read-missing-id", call("res.partner", "read")
                        .withRequestBody(matchingJsonPath("$.ids[0]", equalTo("999999")))));
            case CREATE_ONE:
                return Optional.of(new Stub("62-json2-create-partner", call("res.partner", "create")
                        .withRequestBody(matchingJsonPath("$.vals_list[0].name", equalTo("Recording Partner")))));
            case CREATE_MANY:
                return Optional.of(Stub.synthetic("62-json2-create-partner with two vals", "[49, 50]",
                        call("product.product", "create")
                                .withRequestBody(matchingJsonPath("$.vals_list.length()", equalTo("2")))
                                .withRequestBody(matchingJsonPath("$.vals_list[0].name", equalTo("A")))
                                .withRequestBody(matchingJsonPath("$.vals_list[1].name", equalTo("B")))));
            case WRITE:
                return Optional.of(new Stub("63-json2-write-partner", call("res.partner", "write")
                        .withRequestBody(matchingJsonPath("$.ids[0]", equalTo("48")))
                        .withRequestBody(matchingJsonPath("$.vals.phone", equalTo("+1 555 0101")))));
            case UNLINK:
                return Optional.of(new Stub("64-json2-unlink-partner", call("res.partner", "unlink")
                        .withRequestBody(matchingJsonPath("$.ids[0]", equalTo("48")))));
            case FORMATTED_READ_GROUP:
                return Optional.of(new Stub("46-json2-sale-order-line-formatted_read_group",
                        call("sale.order.line", "formatted_read_group")
                                .withRequestBody(matchingJsonPath("$.groupby[0]", equalTo("product_id")))));
            case FAULT_UNKNOWN_MODEL:
                return Optional.of(new Stub("48-json2-missing-model", call("no.such.model", "search_read")));
            case FAULT_UNKNOWN_METHOD:
                return Optional.of(new Stub("49-json2-wrong-method-name", call("res.partner", "no_such_method")));
            case FAULT_PRIVATE_METHOD:
                return Optional.of(new Stub("50-json2-private-method", call("res.partner", "_read_group")));
            case FAULT_ACCESS_ERROR:
                return Optional.of(new Stub("53-json2-accesserror-demo-write-res-company", call("res.company", "write")));
            case FAULT_VALIDATION:
                return Optional.of(new Stub("54-json2-validationerror-partner-recursive-parent", call("res.partner", "write")));
            case FAULT_USER_ERROR:
                return Optional.of(new Stub("55-json2-usererror-unlink-confirmed-sale-order", call("sale.order", "unlink")));
            case FAULT_MISSING_RECORD:
                return Optional.of(new Stub("57-json2-write-missing-id", call("res.partner", "write")));
            case FAULT_BAD_FIELD:
                return Optional.of(new Stub("58-json2-write-bad-field", call("res.partner", "write")));
            case FAULT_BAD_DOMAIN:
                return Optional.of(new Stub("59-json2-search_read-bad-domain", call("res.partner", "search_read")));
            case FAULT_BAD_CREDENTIALS:
                return Optional.of(new Stub("51-json2-bad-api-key", call("res.partner", "search_count")));
            default:
                throw new AssertionError("no JSON-2 stub for " + c);
        }
    }

    private static MappingBuilder call(String model, String method) {
        return post(urlPathEqualTo("/json/2/" + model + "/" + method))
                .withHeader("Authorization", equalTo("bearer " + API_KEY))
                .withHeader("X-Odoo-Database", equalTo("retail"))
                .withHeader("Content-Type", equalTo("application/json"));
    }
}
