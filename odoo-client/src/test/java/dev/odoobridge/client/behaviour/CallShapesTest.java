package dev.odoobridge.client.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.Positional;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.testing.CallShape;
import dev.odoobridge.client.testing.CapturingOdoo;
import dev.odoobridge.client.testing.RecordedCalls;
import dev.odoobridge.client.testing.RecordedCalls.RecordedCall;
import dev.odoobridge.client.testing.XmlRpcCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ModelHandle method, on every transport, builds a request whose shape a real Odoo accepted:
 * the request is captured on the wire by an in-process server, parsed, and its shape (kinds of the
 * positional arguments and keyword names for XML-RPC / JSON-RPC, body keys for JSON-2, context
 * ignored) must equal the shape of an {@code outcome: ok} call of the same method and transport
 * recorded on each of 17.0, 18.0 and 19.0 (JSON-2: 19.0). The shapes real servers refused
 * ({@code create-vals_list-named}, {@code name_search-domain-named} on 17/18, ...) must not be built.
 */
class CallShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "ffd124b4ed6fe0596bf7ffc40290d3556bc870bf";
    private static final Domain DOMAIN = Domains.eq("name", "Azure");
    private static final Set<String> ALL = Set.of("17.0", "18.0", "19.0");
    private static final Set<String> RPC = Set.of("xmlrpc", "jsonrpc");
    private static final Set<String> EVERY_TRANSPORT = Set.of("xmlrpc", "jsonrpc", "json2");
    /** Call shapes the conformance corpus shows refused for their shape (not for their values). */
    private static final List<Refusal> REFUSED_SHAPES = List.of(
            new Refusal("create-vals_list-named", ALL, RPC),
            new Refusal("create-vals_list-named-dict", ALL, RPC),
            new Refusal("create-vals-name", Set.of("19.0"), Set.of("json2")),
            new Refusal("create-no-args", Set.of("19.0"), Set.of("json2")),
            new Refusal("name_search-domain-named", Set.of("17.0", "18.0"), RPC),
            new Refusal("name_search-args-named", Set.of("19.0"), EVERY_TRANSPORT),
            new Refusal("search-args-named", ALL, EVERY_TRANSPORT),
            new Refusal("search-no-domain", ALL, EVERY_TRANSPORT),
            new Refusal("default_get-fields_list-named", ALL, RPC),
            new Refusal("model-method-with-ids", ALL, EVERY_TRANSPORT));

    /** A scenario refused because of its argument shape, on these versions and transports. */
    private record Refusal(String scenario, Set<String> versions, Set<String> transports) {
    }

    private static CapturingOdoo odoo;
    private static volatile Object answer;
    private static final Map<Transport, OdooClient> CLIENTS = new EnumMap<>(Transport.class);
    private static final Map<Transport, Map<String, CallShape>> BUILT = new EnumMap<>(Transport.class);

    /** One use of the client API and the versions that have the method. */
    private record Case(String label, String method, Set<String> versions, Object answer, Consumer<OdooClient> use) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("search", "search", ALL, List.of(1), c -> c.model("res.partner").search(DOMAIN)),
            new Case("search order+limit", "search", ALL, List.of(1),
                    c -> c.model("res.partner").search(DOMAIN, SearchOptions.DEFAULT.order("id").limit(10))),
            new Case("search order+limit+offset", "search", ALL, List.of(1),
                    c -> c.model("res.partner").search(DOMAIN, SearchOptions.DEFAULT.order("id").limit(10).offset(5))),
            new Case("searchCount", "search_count", ALL, 1, c -> c.model("res.partner").searchCount(DOMAIN)),
            new Case("searchCount archived", "search_count", ALL, 1,
                    c -> c.model("res.partner").searchCount(DOMAIN, SearchOptions.DEFAULT.includeArchived())),
            new Case("read", "read", ALL, List.of(), c -> c.model("res.partner").read(List.of(7L), List.of("name"))),
            new Case("read all fields", "read", ALL, List.of(), c -> c.model("res.country").read(List.of(7L), List.of())),
            new Case("searchRead", "search_read", ALL, List.of(),
                    c -> c.model("res.partner").searchRead(DOMAIN, List.of("name"))),
            new Case("searchRead order+limit", "search_read", ALL, List.of(),
                    c -> c.model("res.partner").searchRead(DOMAIN, List.of("name"), SearchOptions.DEFAULT.order("id").limit(5))),
            new Case("stream", "search_read", ALL, List.of(),
                    c -> c.model("res.partner").stream(DOMAIN, List.of("name"), 100).count()),
            new Case("fieldsGet attributes", "fields_get", ALL, Map.of(),
                    c -> c.model("res.partner").fieldsGet(List.of("type", "string"))),
            new Case("fieldsGet all", "fields_get", ALL, Map.of(), c -> c.model("res.partner").fieldsGet(List.of())),
            new Case("create one", "create", ALL, List.of(9), c -> c.model("res.partner").create(Map.of("name", "A"))),
            new Case("create many", "create", ALL, List.of(9, 10),
                    c -> c.model("res.partner").create(List.of(Map.of("name", "A"), Map.of("name", "B")))),
            new Case("write", "write", ALL, true, c -> c.model("res.partner").write(List.of(7L), Map.of("phone", "1"))),
            new Case("unlink", "unlink", ALL, true, c -> c.model("res.partner").unlink(List.of(7L))),
            new Case("readGroup", "read_group", ALL, List.of(), c -> c.model("sale.order.line").readGroup(DOMAIN,
                    List.of("product_uom_qty:sum"), List.of("product_id"), SearchOptions.DEFAULT.limit(5))),
            new Case("formattedReadGroup", "formatted_read_group", Set.of("19.0"), List.of(),
                    c -> c.model("sale.order.line").formattedReadGroup(DOMAIN, List.of("product_id"),
                            List.of("__count"), SearchOptions.DEFAULT.limit(5))),
            new Case("nameSearch", "name_search", ALL, List.of(),
                    c -> c.model("res.partner").nameSearch("Azure", DOMAIN, null, 5)),
            new Case("call record method", "action_confirm", ALL, true,
                    c -> c.model("sale.order").call("action_confirm", List.of(7L), Map.of())),
            new Case("call with positional and named", "check_access_rights", ALL, true,
                    c -> c.model("res.partner").call("check_access_rights", List.of(), Positional.of("operation", "write"),
                            Map.of("raise_exception", false))),
            new Case("call create positional", "create", ALL, List.of(9),
                    c -> c.model("mail.mail").call("create", List.of(),
                            Positional.of("vals_list", List.of(Map.of("subject", "Code"))), Map.of())),
            new Case("call default_get positional", "default_get", ALL, Map.of(),
                    c -> c.model("res.partner").call("default_get", List.of(), Positional.of("fields", List.of("name")),
                            Map.of())));

    @BeforeAll
    static void buildEveryRequest() {
        odoo = new CapturingOdoo(method -> answer);
        for (Transport transport : List.of(Transport.XMLRPC, Transport.JSONRPC, Transport.JSON2)) {
            OdooClient client = OdooClients.create(OdooConfig.builder().url(odoo.url()).database("retail").login("admin")
                    .secret(transport == Transport.JSON2 ? API_KEY : "admin").transport(transport)
                    .retryPolicy(RetryPolicy.NONE).build());
            CLIENTS.put(transport, client);
            Map<String, CallShape> shapes = new java.util.LinkedHashMap<>();
            for (Case c : CASES) {
                odoo.clear();
                answer = c.answer();
                c.use().accept(client);
                assertThat(odoo.captured()).as("%s over %s sends one request", c, transport).hasSize(1);
                shapes.put(c.label(), shape(transport, odoo.captured().get(0).body()));
            }
            BUILT.put(transport, shapes);
        }
    }

    @AfterAll
    static void stop() {
        CLIENTS.values().forEach(OdooClient::close);
        odoo.close();
    }

    static Stream<Arguments> casesPerTransportAndVersion() {
        List<Arguments> out = new ArrayList<>();
        for (Case c : CASES) {
            for (String version : List.of("17.0", "18.0", "19.0")) {
                if (!c.versions().contains(version)) {
                    continue;
                }
                out.add(Arguments.of(c, Transport.XMLRPC, version));
                out.add(Arguments.of(c, Transport.JSONRPC, version));
                if (version.equals("19.0")) {
                    out.add(Arguments.of(c, Transport.JSON2, version));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} over {1} on {2}")
    @MethodSource("casesPerTransportAndVersion")
    void theRequestHasTheShapeOfACallTheRealServerAccepted(Case c, Transport transport, String version) {
        CallShape built = BUILT.get(transport).get(c.label());
        List<RecordedCall> accepted = RecordedCalls.all().stream()
                .filter(r -> r.ok() && r.version().equals(version) && r.transport().equals(wireName(transport))
                        && r.method().equals(c.method()))
                .toList();
        assertThat(accepted).as("accepted %s calls recorded over %s on %s", c.method(), transport, version).isNotEmpty();
        assertThat(accepted.stream().filter(r -> built.matches(r.shape())).findFirst())
                .as("%s over %s builds %s; Odoo %s accepted only %s", c, transport, built, version,
                        accepted.stream().map(RecordedCall::shape).distinct().toList())
                .isPresent();
    }

    static Stream<Arguments> refusedShapes() {
        List<Arguments> out = new ArrayList<>();
        for (Refusal refusal : REFUSED_SHAPES) {
            List<RecordedCall> recorded = RecordedCalls.all().stream()
                    .filter(r -> r.corpus().equals("conformance") && r.scenario().equals(refusal.scenario())
                            && refusal.versions().contains(r.version()) && refusal.transports().contains(r.transport()))
                    .toList();
            long expected = refusal.versions().stream().mapToLong(v -> refusal.transports().stream()
                    .filter(t -> !t.equals("json2") || v.equals("19.0")).count()).sum();
            assertThat(recorded).as("recordings of %s", refusal).hasSize((int) expected);
            recorded.forEach(r -> out.add(Arguments.of(r.version() + "/" + r.transport() + "/" + r.scenario(), r)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedShapes")
    void noRequestHasAShapeTheRealServerRefused(String label, RecordedCall refused) {
        assertThat(refused.ok()).as("%s is recorded as refused", refused).isFalse();
        Transport transport = switch (refused.transport()) {
            case "xmlrpc" -> Transport.XMLRPC;
            case "jsonrpc" -> Transport.JSONRPC;
            default -> Transport.JSON2;
        };
        List<String> sameMethod = CASES.stream().filter(c -> c.method().equals(refused.method())).map(Case::label).toList();
        assertThat(sameMethod).as("the client has a use of %s", refused.method()).isNotEmpty();
        for (String label2 : sameMethod) {
            CallShape built = BUILT.get(transport).get(label2);
            assertThat(built.matches(refused.shape())).as("%s over %s builds %s, the shape Odoo %s refused in %s",
                    label2, transport, built, refused.version(), refused.name()).isFalse();
        }
    }

    private static String wireName(Transport transport) {
        return switch (transport) {
            case XMLRPC -> "xmlrpc";
            case JSONRPC -> "jsonrpc";
            default -> "json2";
        };
    }

    private static CallShape shape(Transport transport, String body) {
        try {
            switch (transport) {
                case XMLRPC: {
                    List<Object> params = XmlRpcCalls.parse(body).params();
                    return CallShape.rpc((List<?>) params.get(5), params.size() > 6 ? (Map<?, ?>) params.get(6) : Map.of());
                }
                case JSONRPC: {
                    JsonNode args = JSON.readTree(body).path("params").path("args");
                    return CallShape.rpc(JSON.convertValue(args.get(5), List.class),
                            args.size() > 6 ? JSON.convertValue(args.get(6), Map.class) : Map.of());
                }
                default:
                    return CallShape.json2(JSON.readValue(body, Map.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
