package dev.odoobridge.client.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.meta.FieldDefinition;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.meta.ModelDefinitions;
import dev.odoobridge.client.testing.Recordings;
import dev.odoobridge.client.typed.OdooModel;
import dev.odoobridge.client.value.Ref;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ModelDefinition productFromRecording() throws IOException {
        byte[] body = Recordings.load("44-json2-product-fields_get").responseBody().getBytes(StandardCharsets.UTF_8);
        return ModelDefinitions.fromJson("product.product", new ByteArrayInputStream(body));
    }

    static ModelDefinition saleOrderDefinition() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", Map.of("type", "integer", "string", "ID", "readonly", true));
        fields.put("name", Map.of("type", "char", "string", "Order Reference"));
        fields.put("state", Map.of("type", "selection", "string", "Status", "selection",
                List.of(List.of("draft", "Quotation"), List.of("sale", "Sales Order"), List.of("to approve", "To Approve"))));
        fields.put("partner_id", Map.of("type", "many2one", "string", "Customer", "relation", "res.partner"));
        fields.put("order_line", Map.of("type", "one2many", "string", "Lines", "relation", "sale.order.line"));
        fields.put("amount_total", Map.of("type", "monetary", "string", "Total", "readonly", true));
        fields.put("date_order", Map.of("type", "datetime", "string", "Order Date"));
        fields.put("class", Map.of("type", "char", "string", "A reserved word"));
        fields.put("x_props", Map.of("type", "some_future_type", "string", "Future"));
        return ModelDefinition.fromFieldsGet("sale.order", fields);
    }

    @Test
    void outputMatchesTheGoldenFile() throws IOException {
        String source = new CodeGenerator("com.example.odoo").generate(List.of(productFromRecording())).get(0).source();
        Path golden = Path.of("src/test/resources/codegen/ProductProduct.java.golden");
        if (Boolean.getBoolean("codegen.updateGolden")) {
            Files.writeString(golden, source);
        }
        assertThat(source).isEqualTo(Files.readString(golden));
    }

    @Test
    void generationIsDeterministic() throws IOException {
        CodeGenerator g = new CodeGenerator("com.example.odoo");
        List<ModelDefinition> defs = List.of(productFromRecording(), saleOrderDefinition());
        assertThat(g.generate(defs)).isEqualTo(g.generate(defs));
    }

    @Test
    void generatedSourcesCompileAndRoundTripRecordedValues(@TempDir Path tmp) throws Exception {
        List<Path> files = new CodeGenerator("com.example.odoo").writeTo(tmp.resolve("src"),
                List.of(productFromRecording(), saleOrderDefinition()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        String[] args = java.util.stream.Stream.concat(
                // only the client's classes on the class path and no annotation processing: javac then
                // neither scans every test jar nor runs the JMH processor found among them
                java.util.stream.Stream.of("-d", classes.toString(), "-cp", clientClasses(), "-proc:none",
                        "--release", "17", "-Xlint:none"),
                files.stream().map(Path::toString)).toArray(String[]::new);
        assertThat(javac.run(null, null, null, args)).as("javac exit code").isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> product = loader.loadClass("com.example.odoo.ProductProduct");
            OdooModel<?> model = (OdooModel<?>) product.getField("MODEL").get(null);
            assertThat(model.name()).isEqualTo("product.product");
            assertThat(model.fields()).contains("id", "name", "default_code", "list_price", "write_date", "categ_id");

            List<Map<String, Object>> rows = JSON.readValue(
                    Recordings.load("41-json2-product-search_read-limit5").responseBody(), new TypeReference<>() {
                    });
            for (Map<String, Object> row : rows) {
                Object rec = model.reader().apply(OdooRecord.of(row));
                Method id = product.getMethod("id");
                assertThat(id.invoke(rec)).isEqualTo(((Number) row.get("id")).longValue());
                assertThat(product.getMethod("name").invoke(rec)).isEqualTo(row.get("name"));
                Object code = product.getMethod("defaultCode").invoke(rec);
                assertThat(code).isEqualTo(Boolean.FALSE.equals(row.get("default_code")) ? null : row.get("default_code"));
                assertThat(product.getMethod("writeDate").invoke(rec)).isInstanceOf(Instant.class);
                assertThat(product.getMethod("listPrice").invoke(rec)).isEqualTo(((Number) row.get("list_price")).doubleValue());
                @SuppressWarnings("unchecked")
                Map<String, Object> values = ((OdooModel<Object>) model).writer().apply(rec);
                assertThat(values).containsEntry("name", row.get("name")).doesNotContainKey("write_date")
                        .doesNotContainKey("id");
            }

            Class<?> order = loader.loadClass("com.example.odoo.SaleOrder");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", 7);
            row.put("name", "S0007");
            row.put("state", "to approve");
            row.put("partner_id", List.of(3, "Azure Interior"));
            row.put("order_line", List.of(11, 12));
            row.put("amount_total", 12.5);
            row.put("date_order", "2026-11-21 19:35:13");
            row.put("class", false);
            row.put("x_props", Map.of("a", 1));
            @SuppressWarnings("unchecked")
            OdooModel<Object> orderModel = (OdooModel<Object>) order.getField("MODEL").get(null);
            Object rec = orderModel.reader().apply(OdooRecord.of(row));
            assertThat(order.getMethod("state").invoke(rec).toString()).isEqualTo("TO_APPROVE");
            assertThat(order.getMethod("partnerId").invoke(rec)).isEqualTo(new Ref(3, "Azure Interior"));
            assertThat(order.getMethod("orderLine").invoke(rec)).isEqualTo(List.of(11L, 12L));
            assertThat(order.getMethod("amountTotal").invoke(rec)).isEqualTo(new BigDecimal("12.5"));
            assertThat(order.getMethod("class_").invoke(rec)).isNull();
            assertThat(order.getMethod("xProps").invoke(rec)).isEqualTo(Map.of("a", 1));
            Map<String, Object> values = orderModel.writer().apply(rec);
            assertThat(values).containsEntry("state", "to approve").doesNotContainKey("amount_total");
            assertThat(values.get("order_line").toString()).isEqualTo("[Set[ids=[11, 12]]]");

            row.put("state", "a_new_state");
            Object unknown = orderModel.reader().apply(OdooRecord.of(row));
            assertThat(order.getMethod("state").invoke(unknown).toString()).isEqualTo("OTHER");
            assertThatThrownBy(() -> orderModel.writer().apply(unknown)).hasMessageContaining("unknown selection value");
        }
    }

    @Test
    void namingEscapesReservedWordsAndOddNames() {
        NamingStrategy n = new NamingStrategy();
        assertThat(n.className("product.product")).isEqualTo("ProductProduct");
        assertThat(n.className("stock.warehouse.orderpoint")).isEqualTo("StockWarehouseOrderpoint");
        assertThat(n.className("x_custom.model")).isEqualTo("XCustomModel");
        assertThat(n.componentName("default_code")).isEqualTo("defaultCode");
        assertThat(n.componentName("class")).isEqualTo("class_");
        assertThat(n.componentName("lambda")).isEqualTo("lambda_");
        assertThat(n.componentName("x_studio_field_2")).isEqualTo("xStudioField2");
        assertThat(n.constantName("model")).isEqualTo("MODEL_FIELD");
        assertThat(n.enumConstant("to approve")).isEqualTo("TO_APPROVE");
        assertThat(n.enumConstant("0")).isEqualTo("V_0");
    }

    @Test
    void tooManyFieldsFailClearly() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            fields.put("f" + i, Map.of("type", "char"));
        }
        ModelDefinition big = ModelDefinition.fromFieldsGet("x.big", fields);
        assertThatThrownBy(() -> new CodeGenerator("p").generate(List.of(big)))
                .hasMessageContaining("x.big has 300 fields");
        FieldDefinition keep = big.fields().get("f1");
        assertThat(new CodeGenerator("p", new NamingStrategy(), f -> f.equals(keep)).generate(List.of(big)))
                .hasSize(1);
    }

    @Test
    void rejectsBadPackageNames() {
        assertThatThrownBy(() -> new CodeGenerator("Com.Example-odoo")).hasMessageContaining("not a valid Java package");
    }

    /** Where the client's own classes (the generated code's only dependency) were loaded from. */
    private static String clientClasses() throws Exception {
        return Path.of(OdooModel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
