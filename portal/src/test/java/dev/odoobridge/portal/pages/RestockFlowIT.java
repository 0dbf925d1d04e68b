package dev.odoobridge.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.domain.Domains;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlLabel;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Downloads and restock proposals end to end: the portal, the read model and FakeOdoo. */
class RestockFlowIT {
    private static PortalFixture f;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private WebClient web;

    @BeforeAll
    static void start() throws Exception {
        f = new PortalFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @BeforeEach
    void browser() {
        f.gate.signIn(PortalFixture.ACME);
        web = PortalServer.browser();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(f.server.base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(f.server.base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<OdooRecord> orders() {
        return f.odoo.model("purchase.order").searchRead(Domains.eq("partner_id", f.acme),
                List.of("name", "state", "partner_id", "origin"));
    }

    @Test
    void downloadsAreTheVendorsProductsOfThatShopAsAttachments() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        int before = f.audit.events.size();
        HttpResponse<String> csv = get("/export/north/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("content-disposition"))
                .hasValue("attachment; filename=\"stock-north-" + today + ".csv\"");
        assertThat(csv.body()).startsWith("source,product_id,").contains("Acme juice", "Acme bars", "Acme plenty")
                .doesNotContain("SECRET");
        HttpResponse<String> json = get("/export/north.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"schema\" : \"odoo-bridge/vendor-stock-export/v1\"", "Acme juice")
                .doesNotContain("SECRET");
        HttpResponse<String> html = get("/export/north.html");
        assertThat(html.headers().firstValue("content-disposition")).hasValueSatisfying(v ->
                assertThat(v).startsWith("attachment;"));
        assertThat(html.body()).contains("Acme juice").doesNotContain("SECRET");
        assertThat(f.audit.events.subList(before, f.audit.events.size())).extracting(RecordingVendorStore.Event::event)
                .containsExactly("download", "download", "download");
        assertThat(f.audit.events.get(before).vendor()).isEqualTo(PortalFixture.ACME);

        int after = f.audit.events.size();
        for (String path : List.of("/export/hidden/csv", "/export/hidden.csv", "/export/nowhere.json",
                "/export/north/exe", "/export/north.", "/export/.csv", "/export/north..csv", "/export/north/CSV")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/export/..%2Fnorth/csv", "/export/north%2F..%2Fhidden/csv", "/export/%2e%2e/csv")) {
            // Jetty refuses ambiguous encoded separators itself (400); either way, no export
            assertThat(get(path).statusCode()).as(path).isIn(400, 404);
        }
        f.gate.signIn(PortalFixture.NEW);
        assertThat(get("/export/north/csv").statusCode()).isEqualTo(404);
        assertThat(f.audit.events).hasSize(after);
    }

    @Test
    void aProposalBecomesOneDraftPurchaseOrderInOdooEvenWhenSubmittedTwice() throws Exception {
        int before = orders().size();
        HtmlPage formPage = web.getPage(f.server.base + "/restock/north");
        assertThat(formPage.getWebResponse().getStatusCode()).isEqualTo(200);
        HtmlForm form = formPage.getFirstByXPath("//main//form[@method='post']");
        HtmlInput juice = form.getInputByName("qty_" + f.ids.get("juice"));
        HtmlInput bars = form.getInputByName("qty_" + f.ids.get("bars"));
        assertThat(juice.getAttribute("min")).isEqualTo("0");
        assertThat(juice.getAttribute("max")).isEqualTo(Long.toString(RestockPages.MAX_QUANTITY));
        HtmlLabel label = formPage.getFirstByXPath("//label[@for='" + juice.getId() + "']");
        assertThat(label.asNormalizedText()).contains("Acme juice");
        assertThat(formPage.asNormalizedText()).doesNotContain("SECRET").doesNotContain("Acme plenty");
        juice.setValue("7");
        bars.setValue("0");
        HtmlButton submit = form.getFirstByXPath(".//button[@type='submit']");
        HtmlPage listed = submit.click();
        assertThat(listed.getUrl().getPath()).isEqualTo("/portal/proposals");

        List<OdooRecord> created = orders();
        assertThat(created).hasSize(before + 1);
        OdooRecord po = created.get(created.size() - 1);
        assertThat(po.getString("state")).isEqualTo("draft");
        List<OdooRecord> lines = f.odoo.model("purchase.order.line").searchRead(Domains.eq("order_id", po.id()),
                List.of("product_id", "product_qty", "price_unit"));
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.getRef("product_id").id()).isEqualTo(f.ids.get("juice"));
            assertThat(l.getDouble("product_qty")).isEqualTo(7.0);
            assertThat(l.getDouble("price_unit")).isEqualTo(3.0);
        });
        // listed with its Odoo reference and state, re-synced into the read model
        assertThat(listed.asNormalizedText()).contains(po.getString("name"), "Draft request for quotation", "north");
        assertThat(f.model.projector().find(PortalFixture.SHOP, "purchase.order", po.id())).isPresent();
        assertThat(f.audit.events).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("proposal");
            assertThat(e.detail()).contains("purchase.order " + po.id());
        });

        // the same form again: no second order
        HtmlPage again = submit.click();
        assertThat(again.getUrl().getPath()).isEqualTo("/portal/proposals");
        assertThat(orders()).hasSize(before + 1);

        // the proposal's page: the vendor's own, a 404 for anyone else
        HtmlPage one = web.getPage(f.server.base + "/proposals/north/" + po.id());
        assertThat(one.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(one.asNormalizedText()).contains("Acme juice", "7");
        f.gate.signIn(PortalFixture.RIVAL);
        assertThat(get("/proposals/north/" + po.id()).statusCode()).isEqualTo(404);
        assertThat(get("/proposals").body()).doesNotContain(po.getString("name") + "</a>");
    }

    @Test
    void badProposalsAreRefusedAndWriteNothing() throws Exception {
        int before = orders().size();
        int audited = f.audit.events.size();
        String juice = "qty_" + f.ids.get("juice");
        String secret = "qty_" + f.ids.get("secret");
        String plenty = "qty_" + f.ids.get("plenty");
        List<Map<String, String>> bad = List.of(
                Map.of(secret, "5"), Map.of(plenty, "5"), Map.of(juice, "-1"), Map.of(juice, "NaN"),
                Map.of(juice, "Infinity"), Map.of(juice, "1e3"), Map.of(juice, "1000001"), Map.of(juice, "99999999"),
                Map.of(juice, "abc"), Map.of(juice, "0"), Map.of(juice, ""), Map.of(), Map.of(juice, "1", "qty_x", "1"),
                Map.of(juice, "1", "name", "x"), Map.of("qty_99999999999999999999", "1"), Map.of("qty_-5", "1"),
                Map.of(juice, "1.23456"), Map.of(juice, "0x10"), Map.of(juice, "1".repeat(2001)));
        for (Map<String, String> fields : bad) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("csrf", TestGate.CSRF);
            form.put("token", "0123456789abcdef0123456789abcdef");
            HttpResponse<String> r = post("/restock/north", form);
            assertThat(r.statusCode()).as(fields.toString()).isEqualTo(400);
            assertThat(r.body()).as(fields.toString()).doesNotContain("SECRET");
        }
        Map<String, String> ok = new LinkedHashMap<>(Map.of(juice, "1", "csrf", TestGate.CSRF));
        assertThat(post("/restock/north", ok).statusCode()).as("no token").isEqualTo(400);
        ok.put("token", "../../etc/passwd");
        assertThat(post("/restock/north", ok).statusCode()).as("bad token").isEqualTo(400);
        ok.put("token", "0123456789abcdef0123456789abcdef");
        ok.remove("csrf");
        assertThat(post("/restock/north", ok).statusCode()).as("no csrf").isEqualTo(403);
        ok.put("csrf", TestGate.CSRF);
        assertThat(post("/restock/hidden", ok).statusCode()).as("rival's shop").isEqualTo(404);
        assertThat(post("/restock/south", ok).statusCode()).as("linked shop without an Odoo client").isEqualTo(404);
        assertThat(post("/restock/nowhere", ok).statusCode()).isEqualTo(404);
        f.gate.signIn(PortalFixture.NEW);
        assertThat(post("/restock/north", ok).statusCode()).isEqualTo(404);
        assertThat(orders()).hasSize(before);
        assertThat(f.audit.events).hasSize(audited);
    }
}
