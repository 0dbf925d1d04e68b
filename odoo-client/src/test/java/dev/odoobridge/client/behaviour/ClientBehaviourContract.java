package dev.odoobridge.client.behaviour;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.RetryPolicy;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.client.error.InvalidQueryException;
import dev.odoobridge.client.error.MissingRecordException;
import dev.odoobridge.client.error.OdooException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.UnknownMethodException;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.error.ValidationException;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.testing.Recordings;
import dev.odoobridge.client.testing.Recordings.RecordedExchange;
import dev.odoobridge.client.value.Ref;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The same client behaviour over every transport, against WireMock stubs that replay recorded
 * Odoo 19 answers. A subclass names its {@link Transport}, the secret to use, and for each
 * {@link Case} the {@link Stub} (recording plus request matcher) — or {@link Optional#empty()}
 * when no recording exists for that transport, which skips the case visibly. A few answers Odoo
 * gives but that were not recorded on a transport are served as {@link Stub#synthetic synthetic}
 * stubs whose shape comes from Odoo's source or a sibling recording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClientBehaviourContract {

    /** Every behaviour this contract checks. */
    public enum Case {
        VERSION, AUTHENTICATE_OK, AUTHENTICATE_BAD_PASSWORD, SEARCH_READ, SEARCH_COUNT, FIELDS_GET, READ_MISSING_ID,
        CREATE_ONE, CREATE_MANY, WRITE, UNLINK, FORMATTED_READ_GROUP,
        FAULT_UNKNOWN_MODEL, FAULT_UNKNOWN_METHOD, FAULT_PRIVATE_METHOD, FAULT_ACCESS_ERROR, FAULT_VALIDATION,
        FAULT_USER_ERROR, FAULT_MISSING_RECORD, FAULT_BAD_FIELD, FAULT_BAD_DOMAIN, FAULT_BAD_CREDENTIALS
    }

    /**
     * How one case is served.
     *
     * @param recording the recording whose response body and status are replayed, or for a synthetic
     *                  stub a description of where its shape comes from
     * @param request matcher for the request the client must send
     * @param syntheticJson the JSON body of a synthetic 200 answer, or null to replay {@code recording}
     */
    public record Stub(String recording, MappingBuilder request, String syntheticJson) {

        /** A stub replaying a recording. */
        public Stub(String recording, MappingBuilder request) {
            this(recording, request, null);
        }

        /** A 200 JSON answer not recorded on this transport, written after {@code derivedFrom}. */
        public static Stub synthetic(String derivedFrom, String json, MappingBuilder request) {
            return new Stub(derivedFrom, request, json);
        }
    }

    /** The transport under test. */
    protected abstract Transport transport();

    /** The secret the recordings were made with (password or API key). */
    protected abstract String secret();

    /** The stub for a case, or empty when this transport has no recording for it (the case is skipped). */
    protected abstract Optional<Stub> stub(Case c);

    /**
     * The exception Odoo's ValidationError becomes. JSON-RPC and JSON-2 name the Python class, so it
     * is {@link ValidationException}; XML-RPC sends it as fault code 2 with the message only, the
     * same as a UserError, so a transport may say {@link UserErrorException} instead.
     */
    protected Class<? extends OdooServerException> expectedValidationFault() {
        return ValidationException.class;
    }

    /** Stubs whatever a model call needs first (e.g. authentication); default: nothing. */
    protected void stubPrerequisites(WireMockServer server) {
    }

    protected WireMockServer server;
    protected OdooClient client;

    @BeforeAll
    void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterAll
    void stopServer() {
        server.stop();
    }

    @BeforeEach
    void start() {
        server.resetAll();
        stubPrerequisites(server);
        client = OdooClients.create(OdooConfig.builder()
                .url("http://localhost:" + server.port())
                .database("retail").login("admin").secret(secret())
                .transport(transport())
                .retryPolicy(RetryPolicy.NONE)
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private void given(Case c) {
        Optional<Stub> stub = stub(c);
        Assumptions.assumeTrue(stub.isPresent(), () -> "no " + transport() + " recording for " + c + ": case skipped");
        if (stub.get().syntheticJson() != null) {
            server.stubFor(stub.get().request().willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8").withBody(stub.get().syntheticJson())));
            return;
        }
        RecordedExchange rec = Recordings.load(stub.get().recording());
        server.stubFor(stub.get().request().willReturn(aResponse().withStatus(rec.status())
                .withHeader("Content-Type", rec.contentType()).withBody(rec.responseBody())));
    }

    @Test
    void version() {
        given(Case.VERSION);
        ServerVersion v = client.version();
        assertThat(v.major()).isEqualTo(19);
        assertThat(v.minor()).isZero();
        assertThat(v.serverVersion()).isEqualTo("19.0");
        assertThat(v.supportsJson2()).isTrue();
    }

    @Test
    void authenticateReturnsTheUidAndCachesIt() {
        given(Case.AUTHENTICATE_OK);
        assertThat(client.authenticate()).isEqualTo(2);
        assertThat(client.authenticate()).isEqualTo(2);
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void authenticateWithBadPasswordIsAccessDenied() {
        given(Case.AUTHENTICATE_BAD_PASSWORD);
        assertThatThrownBy(client::authenticate).isInstanceOf(AccessDeniedException.class)
                .hasMessageNotContaining(secret());
    }

    @Test
    void searchRead() {
        given(Case.SEARCH_READ);
        List<OdooRecord> rows = client.model("product.product").searchRead(Domains.all(),
                List.of("name", "default_code", "qty_available", "list_price", "write_date"),
                SearchOptions.DEFAULT.order("id").limit(5));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).id()).isEqualTo(1);
        assertThat(rows.get(0).getString("name")).isEqualTo("Restaurant Expenses");
        assertThat(rows.get(0).getString("default_code")).isNull();
        assertThat(rows.get(0).getDouble("list_price")).isEqualTo(14.0);
        assertThat(rows.get(4).getString("default_code")).isEqualTo("FURN_7777");
        assertThat(rows.get(0).getInstant("write_date")).hasToString("2026-11-21T19:14:41Z");
    }

    @Test
    void searchCount() {
        given(Case.SEARCH_COUNT);
        assertThat(client.model("res.partner").searchCount(Domains.all())).isEqualTo(41);
    }

    @Test
    void fieldsGet() {
        given(Case.FIELDS_GET);
        ModelDefinition def = client.model("product.product")
                .fieldsGet(List.of("string", "type", "relation", "required", "readonly", "selection"));
        assertThat(def.fields()).containsKeys("id", "display_name", "name", "categ_id");
        assertThat(def.fields().get("categ_id").relation()).isEqualTo("product.category");
    }

    @Test
    void readOfAMissingIdIsEmpty() {
        given(Case.READ_MISSING_ID);
        assertThat(client.model("res.partner").read(List.of(999999L), List.of("name"))).isEmpty();
    }

    @Test
    void createOne() {
        given(Case.CREATE_ONE);
        assertThat(client.model("res.partner").create(Map.of("name", "Recording Partner"))).isPositive();
    }

    @Test
    void createMany() {
        given(Case.CREATE_MANY);
        List<Long> ids = client.model("product.product").create(List.of(Map.of("name", "A"), Map.of("name", "B")));
        assertThat(ids).hasSizeGreaterThan(1).allSatisfy(id -> assertThat(id).isPositive());
    }

    @Test
    void write() {
        given(Case.WRITE);
        assertThat(client.model("res.partner").write(List.of(48L), Map.of("phone", "+1 555 0101"))).isTrue();
    }

    @Test
    void unlink() {
        given(Case.UNLINK);
        assertThat(client.model("res.partner").unlink(List.of(48L))).isTrue();
    }

    @Test
    void formattedReadGroup() {
        given(Case.FORMATTED_READ_GROUP);
        List<OdooRecord> groups = client.model("sale.order.line").formattedReadGroup(Domains.all(),
                List.of("product_id"), List.of("product_uom_qty:sum", "price_subtotal:sum", "__count"), SearchOptions.DEFAULT);
        assertThat(groups).isNotEmpty();
        OdooRecord first = groups.get(0);
        assertThat(first.getRef("product_id")).isInstanceOf(Ref.class);
        assertThat(first.getLong("__count")).isPositive();
        assertThat(first.getDouble("product_uom_qty:sum")).isNotNull();
    }

    @Test
    void unknownModel() {
        fault(Case.FAULT_UNKNOWN_MODEL, UnknownModelException.class,
                () -> client.model("no.such.model").searchRead(Domains.all(), List.of(), SearchOptions.DEFAULT.limit(1)));
    }

    @Test
    void unknownMethod() {
        fault(Case.FAULT_UNKNOWN_METHOD, UnknownMethodException.class,
                () -> client.model("res.partner").call("no_such_method", null, Map.of()));
    }

    @Test
    void privateMethod() {
        fault(Case.FAULT_PRIVATE_METHOD, UnknownMethodException.class,
                () -> client.model("res.partner").call("_read_group", null, Map.of("domain", List.of())));
    }

    @Test
    void accessError() {
        fault(Case.FAULT_ACCESS_ERROR, AccessErrorException.class,
                () -> client.model("res.company").write(List.of(1L), Map.of("name", "Hacked by demo")));
    }

    @Test
    void validationError() {
        fault(Case.FAULT_VALIDATION, expectedValidationFault(),
                () -> client.model("res.partner").write(List.of(43L), Map.of("parent_id", 43)));
    }

    @Test
    void userError() {
        fault(Case.FAULT_USER_ERROR, UserErrorException.class, () -> client.model("sale.order").unlink(List.of(4L)));
    }

    @Test
    void missingRecord() {
        fault(Case.FAULT_MISSING_RECORD, MissingRecordException.class,
                () -> client.model("res.partner").write(List.of(999999L), Map.of("name", "x")));
    }

    @Test
    void badField() {
        fault(Case.FAULT_BAD_FIELD, InvalidQueryException.class,
                () -> client.model("res.partner").write(List.of(43L), Map.of("no_such_field", 1)));
    }

    @Test
    void badDomain() {
        fault(Case.FAULT_BAD_DOMAIN, InvalidQueryException.class, () -> client.model("res.partner")
                .searchRead(Domains.eq("no_such_field", 1), List.of("name"), SearchOptions.DEFAULT.limit(1)));
    }

    @Test
    void badCredentialsOnACall() {
        fault(Case.FAULT_BAD_CREDENTIALS, AccessDeniedException.class,
                () -> client.model("res.partner").searchCount(Domains.all()));
    }

    private void fault(Case c, Class<? extends OdooServerException> expected, ThrowingCallable call) {
        given(c);
        assertThatThrownBy(call).isInstanceOf(expected)
                .isInstanceOfSatisfying(OdooException.class, e -> assertThat(e.isRetryable()).isFalse())
                .hasMessageNotContaining(secret());
    }
}
