package dev.odoobridge.vendors.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.readmodel.report.Alert;
import dev.odoobridge.readmodel.report.VendorScope;
import dev.odoobridge.vendors.SharedShops;
import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.RetailDataSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo vendor's stock export in every format, on the shared generated shops fed into a read model. */
class VendorExportsIT {
    private static final String SOURCE = SharedShops.SHOP;
    private static final String VENDOR = "buyer@demo-vendor.example";

    private static SharedShops shops;
    private static RetailDataSummary data;
    private static VendorScope scope;
    private static VendorStockReport report;

    @BeforeAll
    static void start() {
        shops = SharedShops.get();
        data = shops.data(SOURCE);
        scope = VendorScope.of(SOURCE, List.of(data.demoVendorId()));
        report = new VendorReports(shops.model.reports(), Clock.fixed(shops.now, ZoneOffset.UTC))
                .stockReport(VENDOR, scope, 120, 30);
    }

    private static byte[] render(ExportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(report, out);
        return out.toByteArray();
    }

    @Test
    void theReportHoldsExactlyTheDemoVendorsProducts() {
        List<Long> supplied = new ArrayList<>();
        for (OdooRecord s : shops.client(SOURCE).model("product.supplierinfo").searchRead(
                dev.odoobridge.client.domain.Domains.eq("partner_id", data.demoVendorId()), List.of("product_tmpl_id"))) {
            supplied.addAll(shops.client(SOURCE).model("product.product").search(
                    dev.odoobridge.client.domain.Domains.eq("product_tmpl_id", s.getRef("product_tmpl_id").id())));
        }
        assertThat(report.rows()).isNotEmpty();
        assertThat(report.rows()).extracting(VendorStockRow::productId).doesNotHaveDuplicates()
                .allMatch(supplied::contains);
        assertThat(report.rows()).allSatisfy(r -> assertThat(r.dailySales()).hasSize(120));
    }

    @Test
    void csvParsesBackWithTheDocumentedColumnsInOrder() throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .readValues(new String(render(ExportFormat.CSV), StandardCharsets.UTF_8))) {
            it.forEachRemaining(lines::add);
        }
        assertThat(lines.get(0)).containsExactly("source", "product_id", "default_code", "barcode", "name", "status",
                "on_hand", "incoming", "threshold", "velocity_per_day", "forecast_per_day", "forecast_method",
                "days_of_cover", "stockout_date", "near_expiry_lots");
        assertThat(lines).hasSize(report.rows().size() + 1);
        for (int i = 0; i < report.rows().size(); i++) {
            VendorStockRow r = report.rows().get(i);
            List<String> l = lines.get(i + 1);
            assertThat(l.get(0)).isEqualTo(SOURCE);
            assertThat(Long.parseLong(l.get(1))).isEqualTo(r.productId());
            assertThat(l.get(2)).isEqualTo(r.defaultCode() == null ? "" : r.defaultCode());
            assertThat(l.get(4)).isEqualTo(r.name());
            assertThat(l.get(5)).isEqualTo(r.status());
            assertThat(Double.parseDouble(l.get(6))).isCloseTo(r.onHand(), org.assertj.core.api.Assertions.within(5e-4));
            assertThat(Double.parseDouble(l.get(8))).isCloseTo(r.threshold(), org.assertj.core.api.Assertions.within(5e-4));
            assertThat(Double.parseDouble(l.get(9))).isCloseTo(r.velocityPerDay(), org.assertj.core.api.Assertions.within(5e-3));
            assertThat(l.get(11)).isEqualTo(r.forecastMethod());
            assertThat(l.get(13)).isEqualTo(r.stockoutDate() == null ? "" : r.stockoutDate().toString());
            r.nearExpiryLots().forEach(lot -> assertThat(l.get(14)).contains(lot.lotName()));
        }
    }

    @Test
    void jsonFollowsTheShippedSchema() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode schema;
        try (InputStream in = ExportFormat.class.getResourceAsStream("vendor-stock-export.schema.json")) {
            assertThat(in).as("schema resource").isNotNull();
            schema = mapper.readTree(in);
        }
        JsonNode json = mapper.readTree(render(ExportFormat.JSON));
        assertThat(SchemaCheck.validate(schema, json)).isEmpty();
        assertThat(json.get("products")).hasSize(report.rows().size());
        assertThat(json.at("/summary/urgent").asLong()).isEqualTo(report.count("URGENT"));
        assertThat(json.at("/products/0/product_id").asLong()).isEqualTo(report.rows().get(0).productId());

        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("products").get(0)).put("status", "FINE");
        assertThat(SchemaCheck.validate(schema, json)).as("the check can fail").isNotEmpty();
    }

    @Test
    void htmlIsSelfContainedWithATableAndOneSparklinePerRow() throws IOException {
        String html = new String(render(ExportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>").contains("</table>");
        assertThat(count(html, "<tr>")).isEqualTo(report.rows().size() + 1);
        assertThat(count(html, "<svg")).isEqualTo(report.rows().size());
        assertThat(html).containsPattern("Urgent " + report.count("URGENT") + "<")
                .containsPattern("Moderate " + report.count("MODERATE") + "<")
                .containsPattern("Healthy " + report.count("HEALTHY") + "<");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)<script[^>]*src").doesNotContainPattern("(?i)<link")
                .doesNotContainPattern("(?i)url\\(\\s*['\"]?(https?:)?//").doesNotContainPattern("(?i)@import");
        for (VendorStockRow r : report.rows()) {
            for (VendorStockRow.LotExpiry lot : r.nearExpiryLots()) {
                assertThat(html).contains(lot.lotName());
            }
        }
    }

    @Test
    void nearExpiryAndExpiredLotsAreListed() {
        List<Alert> alerts = shops.model.reports().alerts(scope, 30);
        List<String> expiring = alerts.stream().filter(a -> a.kind() != Alert.Kind.LOW_STOCK).map(Alert::lotName).toList();
        List<String> listed = report.rows().stream().flatMap(r -> r.nearExpiryLots().stream())
                .map(VendorStockRow.LotExpiry::lotName).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expiring);
        report.rows().stream().flatMap(r -> r.nearExpiryLots().stream()).filter(VendorStockRow.LotExpiry::expired)
                .forEach(l -> assertThat(l.expirationDate()).isBefore(report.generatedAt()));
    }

    @Test
    void theMailerSendsTheCsvAsAnAttachmentThroughOdoo() throws IOException {
        FakeOdoo fake = shops.fake(SOURCE);
        int before = fake.sentMails().size();
        new ReportMailer(shops.client(SOURCE)).send(report, ExportFormat.CSV, "buyer@demo-vendor.example");
        List<Map<String, Object>> sent = fake.sentMails();
        assertThat(sent).hasSize(before + 1);
        Map<String, Object> mail = sent.get(sent.size() - 1);
        assertThat(mail.get("email_to")).isEqualTo("buyer@demo-vendor.example");
        assertThat(String.valueOf(mail.get("subject"))).startsWith("Stock report");
        assertThat(String.valueOf(mail.get("body_html"))).contains(report.count("URGENT") + " urgent");
        List<?> attachments = (List<?>) mail.get("attachment_ids");
        assertThat(attachments).hasSize(1);
        long attachmentId = ((Number) attachments.get(0)).longValue();
        OdooRecord a = shops.client(SOURCE).model("ir.attachment").read(List.of(attachmentId),
                List.of("name", "datas", "mimetype", "res_model")).get(0);
        assertThat(a.getString("mimetype")).isEqualTo("text/csv");
        assertThat(a.getString("name")).endsWith(".csv");
        String decoded = new String(Base64.getDecoder().decode(a.getString("datas")), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(new String(render(ExportFormat.CSV), StandardCharsets.UTF_8));
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
