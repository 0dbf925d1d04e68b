package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class FieldsGetTest {
    private static final List<String> ATTRIBUTES = List.of("string", "type", "relation", "required", "readonly",
            "selection");
    private final Orm t = new Orm();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> recorded() throws IOException {
        Path file = Path.of("..", "odoo-recordings", "44-json2-product-fields_get.response.json");
        return new ObjectMapper().readValue(Files.readString(file), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void productFieldsMatchTheRecordingForTheRequestedAttributes() throws IOException {
        Map<String, Map<String, Object>> recorded = recorded();
        Map<String, Map<String, Object>> ours = (Map<String, Map<String, Object>>) t.json2("product.product",
                "fields_get", null, Map.of("attributes", ATTRIBUTES));
        List<String> compared = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        ours.forEach((name, attrs) -> {
            if (recorded.containsKey(name)) {
                soft.assertThat(attrs).as(name).isEqualTo(recorded.get(name));
                compared.add(name);
            }
        });
        soft.assertAll();
        assertThat(compared).contains("id", "display_name", "name", "categ_id", "type", "qty_available",
                "write_date", "create_uid", "seller_ids", "product_tmpl_id", "list_price", "barcode", "active");
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(compared);
    }

    @Test
    @SuppressWarnings("unchecked")
    void allfieldsRestrictsAndDefaultAttributesAreRich() {
        Map<String, Map<String, Object>> ours = (Map<String, Map<String, Object>>) t.call("res.partner",
                "fields_get", List.of(List.of("parent_id", "child_ids")), Map.of());
        assertThat(ours.keySet()).containsExactlyInAnyOrder("parent_id", "child_ids");
        assertThat(ours.get("parent_id")).containsEntry("type", "many2one").containsEntry("relation", "res.partner")
                .containsEntry("store", true).containsEntry("name", "parent_id").containsKey("searchable");
        assertThat(ours.get("child_ids")).containsEntry("relation_field", "parent_id");
    }
}
