package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServingPaceTest {

    @Test
    void parsesTheNamedPacesAndCustomCosts() {
        assertThat(ServingPace.parse("none", 4)).isEqualTo(ServingPace.NONE);
        assertThat(ServingPace.parse("none", 4).isNone()).isTrue();
        assertThat(ServingPace.parse(" odoo19 ", 3)).isEqualTo(ServingPace.odoo19Measured(3));
        ServingPace custom = ServingPace.parse("2.5,40", 2);
        assertThat(custom.perCall()).isEqualTo(Duration.ofNanos(2_500_000));
        assertThat(custom.perRecord()).isEqualTo(Duration.ofNanos(40_000));
        assertThat(custom.workers()).isEqualTo(2);
        assertThat(custom.isNone()).isFalse();
    }

    @Test
    void theMeasuredPaceCostsFifteenMillisecondsPlusSixtyEightMicrosecondsARecord() {
        assertThat(ServingPace.odoo19Measured(1).cost(500)).isEqualTo(Duration.ofMillis(15).plus(Duration.ofNanos(500 * 68_000L)));
        assertThat(ServingPace.odoo19Measured(1).cost(-1)).isEqualTo(Duration.ofMillis(15));
        assertThat(ServingPace.odoo19Measured(2).describe()).isEqualTo("15.0 ms per call + 68 µs per record, 2 at once");
        assertThat(ServingPace.NONE.describe()).isEqualTo("none");
    }

    @Test
    void rejectsWhatItCannotRead() {
        for (String bad : new String[] {"", "fast", "15", "15,", ",68", "-1,5", "1,-5", "a,b", "1,2,3", "NaN,1", "1e30,1"}) {
            assertThatThrownBy(() -> ServingPace.parse(bad, 2)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("none, odoo19 or CALL_MS,RECORD_US");
        }
        assertThatThrownBy(() -> ServingPace.parse("odoo19", 0)).hasMessageContaining("workers must be at least 1");
        assertThatThrownBy(() -> new ServingPace(Duration.ofMillis(-1), Duration.ZERO, 1)).hasMessageContaining("negative");
    }
}
