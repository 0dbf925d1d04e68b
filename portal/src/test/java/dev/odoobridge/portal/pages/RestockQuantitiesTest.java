package dev.odoobridge.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.portal.web.PortalException;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Fields;
import org.junit.jupiter.api.Test;

class RestockQuantitiesTest {

    private static Fields form(String... nameValues) {
        Fields f = new Fields();
        for (int i = 0; i < nameValues.length; i += 2) {
            f.add(nameValues[i], nameValues[i + 1]);
        }
        return f;
    }

    @Test
    void quantitiesAreNumbersFromZeroToTheMaximum() {
        assertThat(RestockPages.quantities(form("csrf", "x", "token", "t", "qty_5", "12", "qty_7", " 0.5 ", "qty_9", "")))
                .isEqualTo(Map.of(5L, 12.0, 7L, 0.5, 9L, 0.0));
        assertThat(RestockPages.quantities(form("qty_5", "1000000"))).isEqualTo(Map.of(5L, 1_000_000.0));
        for (String bad : List.of("-1", "1e3", "NaN", "Infinity", "1000001", "0x10", "1,5", "١٢", "1.2345", "abc")) {
            assertThatThrownBy(() -> RestockPages.quantities(form("qty_5", bad))).as(bad)
                    .isInstanceOf(PortalException.class).extracting(e -> ((PortalException) e).status()).isEqualTo(400);
        }
        for (String field : List.of("qty_0", "qty_-1", "qty_", "qty_99999999999999999999", "quantity", "qty_1x")) {
            assertThatThrownBy(() -> RestockPages.quantities(form(field, "1"))).as(field)
                    .isInstanceOf(PortalException.class);
        }
        Fields twice = form("qty_5", "1");
        twice.add("qty_5", "2");
        assertThatThrownBy(() -> RestockPages.quantities(twice)).isInstanceOf(PortalException.class);
    }

    @Test
    void downloadNamesAreSafe() {
        assertThat(ExportPages.safe("North Shop")).isEqualTo("north-shop");
        assertThat(ExportPages.safe("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(ExportPages.safe("\"; evil")).isEqualTo("evil");
        assertThat(ExportPages.safe("ü")).isEqualTo("shop");
        assertThat(ExportPages.safe("x".repeat(100))).hasSize(60);
    }
}
