package dev.odoobridge.testkit.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceNameTest {

    @Test
    void padsWithZerosAndNeverTruncates() {
        assertThat(SequenceName.of("S", 42, 5)).isEqualTo("S00042");
        assertThat(SequenceName.of("WH1/OUT/", 1_234_567, 5)).isEqualTo("WH1/OUT/1234567");
        assertThat(SequenceName.of("OP/", 0, 0)).isEqualTo("OP/0");
    }
}
