package dev.odoobridge.testkit.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WireTimeTest {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Property
    void formatsLikeJavaTime(@ForAll @LongRange(min = -2_000_000_000L, max = 32_000_000_000L) long second) {
        assertThat(WireTime.dateTime(second))
                .isEqualTo(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).format(WIRE));
        long day = Math.floorDiv(second, WireTime.DAY);
        assertThat(WireTime.date(day)).isEqualTo(LocalDate.ofEpochDay(day).toString());
    }

    @Test
    void knownInstants() {
        assertThat(WireTime.dateTime(0)).isEqualTo("1970-01-01 00:00:00");
        assertThat(WireTime.dateTime(951_782_400L + 86_399)).isEqualTo("2000-02-29 23:59:59");
        assertThatThrownBy(() -> WireTime.dateTime(400_000_000_000L)).hasMessageContaining("year");
    }
}
