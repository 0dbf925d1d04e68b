package dev.odoobridge.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SyncVerifyCommandTest {
    @Test
    void decimalsArePrintedPlainly() {
        assertThat(SyncVerifyCommand.plain(new BigDecimal("-9E+1"))).isEqualTo("-90");
        assertThat(SyncVerifyCommand.plain(new BigDecimal("4.7E+2"))).isEqualTo("470");
        assertThat(SyncVerifyCommand.plain(new BigDecimal("4.50"))).isEqualTo("4.5");
        assertThat(SyncVerifyCommand.plain(-90.0)).isEqualTo("-90");
        assertThat(SyncVerifyCommand.plain(new BigDecimal("0E+3"))).isEqualTo("0");
        assertThat(SyncVerifyCommand.plain("text")).isEqualTo("text");
    }
}
