package dev.odoobridge.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A product's extra barcodes are projected only from a server that has their model. */
class UnitBarcodeProjectionsTest {
    @Test
    void notInTheDefaultSetAddedPerServerModels() {
        assertThat(Projections.retail()).extracting(Projection::model).doesNotContain("product.packaging", "product.uom");
        assertThat(Projections.unitBarcodes()).extracting(Projection::model).containsExactly("product.packaging", "product.uom");
        List<Projection> on19 = Projections.retailOn(Set.of("product.product", "product.uom"));
        assertThat(on19).extracting(Projection::model).contains("product.uom").doesNotContain("product.packaging");
        assertThat(on19).hasSize(Projections.retail().size() + 1);
        assertThat(Projections.retailOn(Set.of("product.packaging"))).extracting(Projection::model)
                .contains("product.packaging").doesNotContain("product.uom");
        assertThat(Projections.retailOn(Set.of())).isEqualTo(Projections.retail());
    }

    @Test
    void fieldsOfEachVersionsModel() {
        assertThat(Projections.of("product.packaging").collection()).isEqualTo("product_packaging");
        assertThat(Projections.of("product.packaging").fields()).contains("name", "product_id", "qty", "barcode",
                "product_uom_id");
        assertThat(Projections.of("product.uom").fields()).contains("product_id", "uom_id", "barcode");
    }
}
