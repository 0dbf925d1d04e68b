package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.meta.ModelDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A product's extra barcodes live where the version keeps them: {@code product.packaging} on 17.0 and 18.0 (fields
 * as recorded), {@code product.uom} on 19.0 (fields of {@code addons/product/models/product_uom.py}); neither model
 * exists on the other versions, as on real servers.
 */
class UnitBarcodeModelsIT {
    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0"})
    void packagingOn17And18(String version) throws Exception {
        try (FakeOdoo fake = FakeOdoo.builder().version(version).products(3).build().start();
             OdooClient odoo = fake.client(Transport.JSONRPC)) {
            Map<String, Map<String, Object>> recorded = new ObjectMapper().readValue(
                    Path.of("..", "odoo-recordings", "fields_get", version, "product.packaging.json").toFile(),
                    new TypeReference<LinkedHashMap<String, Map<String, Object>>>() {
                    });
            ModelDefinition served = odoo.model("product.packaging").fieldsGet();
            assertThat(served.fields().keySet()).containsExactlyInAnyOrderElementsOf(recorded.keySet());
            long product = odoo.model("product.product").search(dev.odoobridge.client.domain.Domains.all()).get(0);
            long box = odoo.model("product.packaging").create(Map.of("name", "Box of 12", "product_id", product,
                    "qty", 12.0, "barcode", "14006381333938"));
            OdooRecord read = odoo.model("product.packaging").read(List.of(box), List.of("qty", "barcode", "product_id",
                    "sequence")).get(0);
            assertThat(read.getDouble("qty")).isEqualTo(12.0);
            assertThat(read.getString("barcode")).isEqualTo("14006381333938");
            assertThat(read.getRef("product_id").id()).isEqualTo(product);
            assertThat(odoo.model("product.product").read(List.of(product), List.of("packaging_ids")).get(0)
                    .getIds("packaging_ids")).containsExactly(box);
            assertThatThrownBy(() -> odoo.model("product.uom").fieldsGet()).isInstanceOf(UnknownModelException.class);
        }
    }

    @Test
    void unitBarcodesOn19() {
        try (FakeOdoo fake = FakeOdoo.builder().version("19.0").products(3).build().start();
             OdooClient odoo = fake.client(Transport.JSON2)) {
            ModelDefinition served = odoo.model("product.uom").fieldsGet();
            assertThat(served.fields().keySet()).containsExactlyInAnyOrder("id", "display_name", "create_uid",
                    "create_date", "write_uid", "write_date", "uom_id", "product_id", "barcode", "company_id");
            assertThat(served.fields().get("barcode").required()).isTrue();
            assertThat(served.fields().get("uom_id").relation()).isEqualTo("uom.uom");
            long product = odoo.model("product.product").search(dev.odoobridge.client.domain.Domains.all()).get(0);
            long unit = odoo.model("product.uom").create(Map.of("product_id", product, "uom_id", 1, "barcode",
                    "14006381333938"));
            OdooRecord read = odoo.model("product.uom").read(List.of(unit), List.of("barcode", "uom_id", "display_name"))
                    .get(0);
            assertThat(read.getString("barcode")).isEqualTo("14006381333938");
            assertThat(read.getString("display_name")).isEqualTo("14006381333938");
            assertThat(odoo.model("product.product").read(List.of(product), List.of("product_uom_ids")).get(0)
                    .getIds("product_uom_ids")).containsExactly(unit);
            assertThatThrownBy(() -> odoo.model("product.packaging").fieldsGet()).isInstanceOf(UnknownModelException.class);
        }
    }
}
