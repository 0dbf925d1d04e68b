package dev.odoobridge.client.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdooValuesTest {

    @Test
    void falseIsTheEmptyValueOfEveryType() {
        assertThat(OdooValues.toStringValue(false)).isNull();
        assertThat(OdooValues.toLong(false)).isNull();
        assertThat(OdooValues.toDouble(false)).isNull();
        assertThat(OdooValues.toDecimal(false)).isNull();
        assertThat(OdooValues.toRef(false)).isNull();
        assertThat(OdooValues.toIds(false)).isEmpty();
        assertThat(OdooValues.toInstant(false)).isNull();
        assertThat(OdooValues.toLocalDate(false)).isNull();
        assertThat(OdooValues.toBinary(false)).isNull();
        assertThat(OdooValues.toStringValue(null)).isNull();
    }

    @Test
    void readsOdooWireValues() {
        assertThat(OdooValues.toRef(List.of(5, "WH/Stock"))).isEqualTo(new Ref(5, "WH/Stock"));
        assertThat(OdooValues.toRef(7)).isEqualTo(Ref.of(7));
        assertThat(OdooValues.toLong(List.of(5, "WH/Stock"))).isEqualTo(5L);
        assertThat(OdooValues.toIds(List.of(1, 2L))).containsExactly(1L, 2L);
        assertThat(OdooValues.toInstant("2026-11-21 19:14:41")).isEqualTo(Instant.parse("2026-11-21T19:14:41Z"));
        assertThat(OdooValues.toInstant("2026-11-21 19:14:41.123456")).isEqualTo(Instant.parse("2026-11-21T19:14:41.123456Z"));
        assertThat(OdooValues.toLocalDate("2026-12-31")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(OdooValues.toDecimal(0.1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(OdooValues.toBinary("aGk=")).containsExactly('h', 'i');
        assertThatThrownBy(() -> OdooValues.toLong("x")).hasMessageContaining("expected an Odoo integer");
        assertThatThrownBy(() -> OdooValues.toInstant("21/11/2026")).hasMessageContaining("not an Odoo datetime");
    }

    @Test
    void writesJavaValuesAsWireValues() {
        assertThat(OdooValues.toWire(null)).isEqualTo(false);
        assertThat(OdooValues.toWire(Instant.parse("2026-01-02T03:04:05.999Z"))).isEqualTo("2026-01-02 03:04:05");
        assertThat(OdooValues.toWire(LocalDate.of(2026, 1, 2))).isEqualTo("2026-01-02");
        assertThat(OdooValues.toWire(new BigDecimal("12.50"))).isEqualTo(12.5);
        assertThat(OdooValues.toWire(new Ref(3, "x"))).isEqualTo(3L);
        assertThat(OdooValues.toWire(new byte[] {'h', 'i'})).isEqualTo("aGk=");
        assertThat(OdooValues.toWire(Map.of("lines", List.of(Command.link(4), Command.create(Map.of("d", LocalDate.of(2026, 1, 2)))))))
                .isEqualTo(Map.of("lines", List.of(List.of(4, 4L, 0), List.of(0, 0, Map.of("d", "2026-01-02")))));
        assertThatThrownBy(() -> OdooValues.toWire(new Object())).hasMessageContaining("cannot send");
    }

    @Test
    void commandsHaveOdooTupleForms() {
        assertThat(Command.create(Map.of("a", 1)).toWire()).isEqualTo(List.of(0, 0, Map.of("a", 1)));
        assertThat(Command.update(2, Map.of("a", 1)).toWire()).isEqualTo(List.of(1, 2L, Map.of("a", 1)));
        assertThat(Command.delete(2).toWire()).isEqualTo(List.of(2, 2L, 0));
        assertThat(Command.unlink(2).toWire()).isEqualTo(List.of(3, 2L, 0));
        assertThat(Command.link(2).toWire()).isEqualTo(List.of(4, 2L, 0));
        assertThat(Command.clear().toWire()).isEqualTo(List.of(5, 0, 0));
        assertThat(Command.set(List.of(1L, 2L)).toWire()).isEqualTo(List.of(6, 0, List.of(1L, 2L)));
        assertThatThrownBy(() -> Command.link(0)).hasMessageContaining("positive");
    }
}
