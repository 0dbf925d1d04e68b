package dev.odoobridge.client.internal.xmlrpc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.odoobridge.client.OdooConfig;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.error.AccessDeniedException;
import dev.odoobridge.client.error.AccessErrorException;
import dev.odoobridge.client.error.InvalidQueryException;
import dev.odoobridge.client.error.MissingRecordException;
import dev.odoobridge.client.error.OdooServerException;
import dev.odoobridge.client.error.UnknownMethodException;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.testing.XmlRpcCalls;
import dev.odoobridge.client.testing.XmlRpcCalls.MethodCall;
import dev.odoobridge.client.spi.OdooCall;
import dev.odoobridge.client.testing.Recordings;
import dev.odoobridge.client.testing.Recordings.RecordedExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every recorded XML-RPC exchange (01-29) served by WireMock: decoded results, exceptions, and the requests we send. */
class XmlRpcRecordingsIT {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The arguments the numbered recordings sent by position, per method. */
    private static final Map<String, List<String>> RECORDED_POSITIONAL = Map.of(
            "search_read", List.of("domain"), "search_count", List.of("domain"), "no_such_method", List.of("domain"),
            "_read_group", List.of("domain"), "formatted_read_group", List.of("domain"),
            "read_group", List.of("domain", "fields", "groupby"), "write", List.of("vals"), "create", List.of("vals_list"));

    private XmlRpcTransport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
    }

    // ---- common service ----

    @Test
    void r01_version() {
        RecordedExchange rec = serve("01-xmlrpc-common-version");
        ServerVersion version = transport("retail", "admin", "admin").version();
        assertThat(version).isEqualTo(new ServerVersion("19.0", 19, 0, "final", 1));
        assertThat(version.supportsJson2()).isTrue();
        MethodCall sent = lastSent("/xmlrpc/2/common");
        assertThat(sent).isEqualTo(XmlRpcCalls.parse(rec.requestBody()));
    }

    @Test
    void r02_authenticateOk() {
        RecordedExchange rec = serve("02-xmlrpc-common-authenticate-ok");
        assertThat(transport("retail", "admin", "admin").authenticate()).isEqualTo(2);
        assertThat(lastSent("/xmlrpc/2/common")).isEqualTo(XmlRpcCalls.parse(rec.requestBody()));
    }

    @Test
    void r03_authenticateBadPasswordIsAccessDenied() {
        RecordedExchange rec = serve("03-xmlrpc-common-authenticate-badpassword");
        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class,
                () -> transport("retail", "admin", "wrong-password").authenticate());
        assertThat(e.getMessage()).contains("login 'admin'", "database 'retail'", "password or API key")
                .doesNotContain("wrong-password");
        assertThat(e.fault().exceptionType()).isEqualTo("odoo.exceptions.AccessDenied");
        assertThat(lastSent("/xmlrpc/2/common")).isEqualTo(XmlRpcCalls.parse(rec.requestBody()));
    }

    @Test
    void r04_authenticateDemo() {
        RecordedExchange rec = serve("04-xmlrpc-common-authenticate-demo");
        assertThat(transport("retail", "demo", "demo").authenticate()).isEqualTo(5);
        assertThat(lastSent("/xmlrpc/2/common")).isEqualTo(XmlRpcCalls.parse(rec.requestBody()));
    }

    @Test
    void r05_unknownDatabaseIsServerErrorWithTraceback() {
        RecordedExchange rec = serve("05-xmlrpc-common-authenticate-baddb");
        OdooServerException e = catchThrowableOfType(OdooServerException.class,
                () -> transport("no_such_db", "admin", "admin").authenticate());
        assertThat(e.getClass()).isEqualTo(OdooServerException.class);
        assertThat(e.fault().exceptionType()).isEqualTo("psycopg2.OperationalError");
        assertThat(e.serverMessage()).contains("database \"no_such_db\" does not exist");
        assertThat(e.traceback()).startsWith("Traceback (most recent call last):").contains("KeyError: 'no_such_db'");
        assertThat(e.fault().faultCode()).isEqualTo(1);
        assertThat(lastSent("/xmlrpc/2/common")).isEqualTo(XmlRpcCalls.parse(rec.requestBody()));
    }

    @Test
    void r29_unknownServiceIsServerError() {
        RecordedExchange rec = serve("29-xmlrpc-unknown-service");
        transport("retail", "admin", "admin");
        OdooServerException e = catchThrowableOfType(OdooServerException.class,
                () -> transport.callService("nosuchservice", "version", List.of()));
        assertThat(e.getClass()).isEqualTo(OdooServerException.class);
        assertThat(e.fault().exceptionType()).isEqualTo("KeyError");
        assertThat(e.serverMessage()).isEqualTo("'nosuchservice'");
        assertThat(lastSent("/xmlrpc/2/nosuchservice")).isEqualTo(XmlRpcCalls.parse(rec.requestBody()));
    }

    // ---- object service: results ----

    @Test
    @SuppressWarnings("unchecked")
    void r06_productSearchRead() {
        RecordedExchange rec = serveWithLogin("06-xmlrpc-product-search_read-limit5", "02-xmlrpc-common-authenticate-ok");
        Object result = admin().execute(call("product.product", "search_read", null,
                kw("domain", List.of(), "fields", List.of("name", "default_code", "qty_available", "list_price", "write_date"),
                        "limit", 5, "order", "id")));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result;
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isInstanceOf(LinkedHashMap.class)
                .containsKeys("id", "name", "default_code", "qty_available", "list_price", "write_date");
        Map<String, Object> chair = rows.get(4);
        assertThat(chair).containsEntry("id", 5).containsEntry("name", "Office Chair")
                .containsEntry("default_code", "FURN_7777").containsEntry("qty_available", 0.0)
                .containsEntry("list_price", 70.0).containsEntry("write_date", "2026-11-21 19:14:41");
        assertThat(rows.get(3)).containsEntry("default_code", Boolean.FALSE);
        assertSameExecuteKw(rec);
    }

    @Test
    @SuppressWarnings("unchecked")
    void r07_fieldsGet() {
        RecordedExchange rec = serveWithLogin("07-xmlrpc-product-fields_get", "02-xmlrpc-common-authenticate-ok");
        Map<String, Object> fields = (Map<String, Object>) admin().execute(call("product.product", "fields_get", null,
                kw("attributes", List.of("string", "type", "relation", "required", "readonly", "selection"))));
        assertThat(fields).hasSizeGreaterThan(50);
        assertThat((Map<String, Object>) fields.get("id")).containsEntry("type", "integer")
                .containsEntry("readonly", true).containsEntry("string", "ID");
        Map<String, Object> categ = (Map<String, Object>) fields.get("categ_id");
        assertThat(categ).containsEntry("type", "many2one").containsEntry("relation", "product.category");
        assertSameExecuteKw(rec);
    }

    @Test
    @SuppressWarnings("unchecked")
    void r08_stockQuantSearchRead() {
        RecordedExchange rec = serveWithLogin("08-xmlrpc-stock-quant-search_read-limit5", "02-xmlrpc-common-authenticate-ok");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) admin().execute(call("stock.quant", "search_read", null,
                kw("domain", List.of(), "fields", List.of("product_id", "location_id", "lot_id", "quantity",
                        "reserved_quantity", "inventory_date", "write_date"), "limit", 5, "order", "id")));
        assertThat(rows).hasSize(5);
        assertThat((List<Object>) rows.get(0).get("product_id")).hasSize(2).first().isInstanceOf(Integer.class);
        assertThat(rows.get(0).get("quantity")).isInstanceOf(Double.class);
        assertSameExecuteKw(rec);
    }

    @Test
    void r09_searchCount() {
        RecordedExchange rec = serveWithLogin("09-xmlrpc-partner-search_count", "02-xmlrpc-common-authenticate-ok");
        assertThat(admin().execute(call("res.partner", "search_count", null, kw("domain", List.of())))).isEqualTo(41);
        assertSameExecuteKw(rec);
    }

    @Test
    @SuppressWarnings("unchecked")
    void r10_saleOrderSearchRead() {
        RecordedExchange rec = serveWithLogin("10-xmlrpc-sale-order-search_read-limit2", "02-xmlrpc-common-authenticate-ok");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) admin().execute(call("sale.order", "search_read", null,
                kw("domain", List.of(), "fields", List.of("name", "partner_id", "date_order", "state", "amount_total",
                        "order_line", "tag_ids", "note", "validity_date"), "limit", 2, "order", "id")));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsKeys("name", "partner_id", "order_line", "amount_total");
        assertThat(rows.get(0).get("order_line")).isInstanceOf(List.class);
        assertThat(rows.get(0).get("amount_total")).isInstanceOf(Double.class);
        assertSameExecuteKw(rec);
    }

    @Test
    @SuppressWarnings("unchecked")
    void r11_readGroup() {
        RecordedExchange rec = serveWithLogin("11-xmlrpc-sale-order-line-read_group-by-product", "02-xmlrpc-common-authenticate-ok");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) admin().execute(call("sale.order.line", "read_group", null,
                kw("domain", List.of(), "fields", List.of("product_uom_qty:sum", "price_subtotal:sum"),
                        "groupby", List.of("product_id"), "lazy", true)));
        assertThat(groups).isNotEmpty();
        assertThat(groups.get(0)).containsEntry("product_id", List.of(19, "[E-COM06] Corner Desk Right Sit"))
                .containsEntry("product_id_count", 1).containsEntry("product_uom_qty", 10.0)
                .containsEntry("__domain", List.of(List.of("product_id", "=", 19)));
        assertSameExecuteKw(rec);
    }

    @Test
    @SuppressWarnings("unchecked")
    void r12_formattedReadGroup() {
        RecordedExchange rec = serveWithLogin("12-xmlrpc-sale-order-line-formatted_read_group-by-product", "02-xmlrpc-common-authenticate-ok");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) admin().execute(call("sale.order.line",
                "formatted_read_group", null, kw("domain", List.of(), "groupby", List.of("product_id"),
                        "aggregates", List.of("product_uom_qty:sum", "price_subtotal:sum", "__count"))));
        assertThat(groups.get(0)).containsEntry("product_uom_qty:sum", 10.0).containsEntry("__count", 1)
                .containsEntry("price_subtotal:sum", 1990.0);
        assertSameExecuteKw(rec);
    }

    // ---- object service: faults ----

    @Test
    void r13_accessError() {
        RecordedExchange rec = serveWithLogin("13-xmlrpc-accesserror-demo-write-res-company", "04-xmlrpc-common-authenticate-demo");
        transport("retail", "demo", "demo");
        AccessErrorException e = catchThrowableOfType(AccessErrorException.class, () -> transport.execute(
                call("res.company", "write", List.of(1L), kw("vals", Map.of("name", "Hacked by demo")))));
        assertThat(e.getMessage()).startsWith("res.company.write: You are not allowed to modify 'Companies'");
        assertThat(e.fault().faultCode()).isEqualTo(4);
        assertSameExecuteKw(rec);
    }

    @Test
    void r14_validationErrorArrivesAsUserError() {
        RecordedExchange rec = serveWithLogin("14-xmlrpc-validationerror-partner-recursive-parent", "02-xmlrpc-common-authenticate-ok");
        UserErrorException e = catchThrowableOfType(UserErrorException.class, () -> admin().execute(
                call("res.partner", "write", List.of(43L), kw("vals", Map.of("parent_id", 43)))));
        assertThat(e.getClass()).isEqualTo(UserErrorException.class);
        assertThat(e.serverMessage()).isEqualTo("You cannot create recursive Partner hierarchies.");
        assertSameExecuteKw(rec);
    }

    @Test
    void r15_userError() {
        RecordedExchange rec = serveWithLogin("15-xmlrpc-usererror-unlink-confirmed-sale-order", "02-xmlrpc-common-authenticate-ok");
        UserErrorException e = catchThrowableOfType(UserErrorException.class, () -> admin().execute(
                call("sale.order", "unlink", List.of(4L), Map.of())));
        assertThat(e.getClass()).isEqualTo(UserErrorException.class);
        assertThat(e.serverMessage()).startsWith("You can not delete a sent quotation or a confirmed sales order.");
        assertSameExecuteKw(rec);
    }

    @Test
    void r16_missingModel() {
        RecordedExchange rec = serveWithLogin("16-xmlrpc-missing-model", "02-xmlrpc-common-authenticate-ok");
        UnknownModelException e = catchThrowableOfType(UnknownModelException.class, () -> admin().execute(
                call("no.such.model", "search_read", null, kw("domain", List.of(), "limit", 1))));
        assertThat(e.getMessage()).isEqualTo("no.such.model.search_read: Object no.such.model doesn't exist");
        assertSameExecuteKw(rec);
    }

    @Test
    void r17_wrongMethodName() {
        RecordedExchange rec = serveWithLogin("17-xmlrpc-wrong-method-name", "02-xmlrpc-common-authenticate-ok");
        UnknownMethodException e = catchThrowableOfType(UnknownMethodException.class, () -> admin().execute(
                call("res.partner", "no_such_method", null, kw("domain", List.of()))));
        assertThat(e.fault().exceptionType()).isEqualTo("AttributeError");
        assertThat(e.serverMessage()).isEqualTo("The method 'res.partner.no_such_method' does not exist");
        assertThat(e.traceback()).contains("get_public_method");
        assertSameExecuteKw(rec);
    }

    @Test
    void r18_privateMethod() {
        RecordedExchange rec = serveWithLogin("18-xmlrpc-private-method", "02-xmlrpc-common-authenticate-ok");
        UnknownMethodException e = catchThrowableOfType(UnknownMethodException.class, () -> admin().execute(
                call("res.partner", "_read_group", null, kw("domain", List.of()))));
        assertThat(e.serverMessage()).startsWith("Private methods (such as 'res.partner._read_group')");
        assertThat(e.fault().faultCode()).isEqualTo(4);
        assertSameExecuteKw(rec);
    }

    @Test
    void r19_readMissingIdReturnsEmptyList() {
        RecordedExchange rec = serveWithLogin("19-xmlrpc-read-missing-id", "02-xmlrpc-common-authenticate-ok");
        assertThat(admin().execute(call("res.partner", "read", List.of(999999L), kw("fields", List.of("name")))))
                .isEqualTo(List.of());
        assertSameExecuteKw(rec);
    }

    @Test
    void r20_writeMissingIdIsMissingRecord() {
        RecordedExchange rec = serveWithLogin("20-xmlrpc-write-missing-id", "02-xmlrpc-common-authenticate-ok");
        MissingRecordException e = catchThrowableOfType(MissingRecordException.class, () -> admin().execute(
                call("res.partner", "write", List.of(999999L), kw("vals", Map.of("name", "x")))));
        assertThat(e.serverMessage()).startsWith("Record does not exist or has been deleted.")
                .contains("res.partner(999999,)");
        assertSameExecuteKw(rec);
    }

    @Test
    void r21_writeBadFieldIsInvalidQuery() {
        RecordedExchange rec = serveWithLogin("21-xmlrpc-write-bad-field", "02-xmlrpc-common-authenticate-ok");
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> admin().execute(
                call("res.partner", "write", List.of(43L), kw("vals", Map.of("no_such_field", 1)))));
        assertThat(e.fault().exceptionType()).isEqualTo("KeyError");
        assertThat(e.serverMessage()).isEqualTo("'no_such_field'");
        assertThat(e.traceback()).contains("<listcomp>");
        assertSameExecuteKw(rec);
    }

    @Test
    void r22_badDomainFieldIsInvalidQuery() {
        RecordedExchange rec = serveWithLogin("22-xmlrpc-search_read-bad-domain-field", "02-xmlrpc-common-authenticate-ok");
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> admin().execute(
                call("res.partner", "search_read", null, kw("domain", List.of(List.of("no_such_field", "=", 1)),
                        "fields", List.of("name"), "limit", 1))));
        assertThat(e.fault().exceptionType()).isEqualTo("ValueError");
        assertThat(e.serverMessage()).isEqualTo("Invalid field res.partner.no_such_field in condition ('no_such_field', '=', 1)");
        assertSameExecuteKw(rec);
    }

    @Test
    void r23_badDomainOperatorIsInvalidQuery() {
        RecordedExchange rec = serveWithLogin("23-xmlrpc-search_read-bad-domain-operator", "02-xmlrpc-common-authenticate-ok");
        InvalidQueryException e = catchThrowableOfType(InvalidQueryException.class, () -> admin().execute(
                call("res.partner", "search_read", null, kw("domain", List.of(List.of("name", "bogus_op", "x")),
                        "fields", List.of("name"), "limit", 1))));
        assertThat(e.serverMessage()).isEqualTo("Invalid operator in condition ('name', 'bogus_op', 'x')");
        assertSameExecuteKw(rec);
    }

    @Test
    void r24_executeWithBadPasswordIsAccessDeniedAndForgetsTheUid() {
        RecordedExchange rec = serveWithLogin("24-xmlrpc-execute_kw-bad-password", "02-xmlrpc-common-authenticate-ok");
        transport("retail", "admin", "wrong-password");
        OdooCall count = call("res.partner", "search_count", null, kw("domain", List.of()));
        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, () -> transport.execute(count));
        assertThat(e.serverMessage()).isEqualTo("Access Denied");
        assertThat(e.getMessage()).doesNotContain("wrong-password");
        assertSameExecuteKw(rec);
        catchThrowableOfType(AccessDeniedException.class, () -> transport.execute(count));
        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/xmlrpc/2/common")))).hasSize(2);
    }

    // ---- object service: writes ----

    @Test
    void r25_createPartner() {
        RecordedExchange rec = serveWithLogin("25-xmlrpc-create-partner", "02-xmlrpc-common-authenticate-ok");
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("name", "Recording Partner (xmlrpc)");
        vals.put("email", "rec@example.com");
        assertThat(admin().execute(call("res.partner", "create", null, kw("vals_list", vals)))).isEqualTo(47);
        assertSameExecuteKw(rec);
    }

    @Test
    void r26_writePartner() {
        RecordedExchange rec = serveWithLogin("26-xmlrpc-write-partner", "02-xmlrpc-common-authenticate-ok");
        assertThat(admin().execute(call("res.partner", "write", List.of(47L), kw("vals", Map.of("phone", "+1 555 0100")))))
                .isEqualTo(Boolean.TRUE);
        assertSameExecuteKw(rec);
    }

    @Test
    void r27_unlinkPartner() {
        RecordedExchange rec = serveWithLogin("27-xmlrpc-unlink-partner", "02-xmlrpc-common-authenticate-ok");
        assertThat(admin().execute(call("res.partner", "unlink", List.of(47L), Map.of()))).isEqualTo(Boolean.TRUE);
        assertSameExecuteKw(rec);
    }

    @Test
    void r28_createManyProducts() {
        RecordedExchange rec = serveWithLogin("28-xmlrpc-create-multi-products", "02-xmlrpc-common-authenticate-ok");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "Recording Product A");
        a.put("list_price", 1.5);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", "Recording Product B");
        b.put("default_code", "REC-B");
        assertThat(admin().execute(call("product.product", "create", null, kw("vals_list", List.of(a, b)))))
                .isEqualTo(List.of(58, 59));
        assertSameExecuteKw(rec);
        assertThat(lastRaw("/xmlrpc/2/object")).contains("<int>2</int>").doesNotContain("<i4>");
    }

    // ---- helpers ----

    private XmlRpcTransport admin() {
        return transport("retail", "admin", "admin");
    }

    private XmlRpcTransport transport(String db, String login, String secret) {
        if (transport == null) {
            transport = new XmlRpcTransport(OdooConfig.builder().url(wm.baseUrl()).database(db).login(login)
                    .secret(secret).build());
        }
        return transport;
    }

    private static RecordedExchange serve(String name) {
        RecordedExchange rec = Recordings.load(name);
        String method = XmlRpcCalls.parse(rec.requestBody()).method();
        wm.stubFor(post(urlEqualTo(rec.path()))
                .withRequestBody(containing("<methodName>" + method + "</methodName>"))
                .willReturn(aResponse().withStatus(rec.status()).withHeader("Content-Type", rec.contentType())
                        .withBody(rec.responseBody())));
        return rec;
    }

    private static RecordedExchange serveWithLogin(String name, String login) {
        serve(login);
        return serve(name);
    }

    /**
     * A call whose arguments named in {@link #RECORDED_POSITIONAL} for the method go by position,
     * in that order, as the recordings sent them; the others by name.
     */
    private static OdooCall call(String model, String method, List<Long> ids, Map<String, Object> kwargs) {
        Map<String, Object> named = new LinkedHashMap<>(kwargs);
        List<OdooCall.Argument> positional = new java.util.ArrayList<>();
        for (String name : RECORDED_POSITIONAL.getOrDefault(method, List.of())) {
            if (named.containsKey(name)) {
                positional.add(OdooCall.Argument.of(name, named.remove(name)));
            }
        }
        return new OdooCall(model, method, ids, positional, named, false);
    }

    private static Map<String, Object> kw(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String lastRaw(String path) {
        List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).as("requests to " + path).isNotEmpty();
        LoggedRequest last = requests.get(requests.size() - 1);
        assertThat(last.getHeader("Content-Type")).startsWith("text/xml");
        return last.getBodyAsString();
    }

    private static MethodCall lastSent(String path) {
        return XmlRpcCalls.parse(lastRaw(path));
    }

    /** The request sent is the recorded one: same params, same positional arguments, same keyword arguments. */
    @SuppressWarnings("unchecked")
    private static void assertSameExecuteKw(RecordedExchange rec) {
        MethodCall recorded = XmlRpcCalls.parse(rec.requestBody());
        MethodCall sent = lastSent("/xmlrpc/2/object");
        assertThat(sent.method()).isEqualTo("execute_kw").isEqualTo(recorded.method());
        assertThat(sent.params().subList(0, 6)).isEqualTo(recorded.params().subList(0, 6));
        Map<String, Object> recordedKwargs = recorded.params().size() > 6 ? (Map<String, Object>) recorded.params().get(6) : Map.of();
        Map<String, Object> sentKwargs = sent.params().size() > 6 ? (Map<String, Object>) sent.params().get(6) : Map.of();
        assertThat(sentKwargs).isEqualTo(recordedKwargs);
    }
}
