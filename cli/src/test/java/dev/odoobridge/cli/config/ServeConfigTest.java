package dev.odoobridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code serve:} and {@code schedule:} sections. */
class ServeConfigTest {
    private static final String SOURCES = """
            sources:
              shop:
                url: https://shop.example.com
                database: shop
                login: sync@example.com
                secret: k3y
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of("ADMIN_TOKEN", "a".repeat(32))::get);

    private BridgeConfig parse(String yaml) {
        return loader.parse(SOURCES + yaml, "t.yaml", Path.of("."));
    }

    @Test
    void defaultsWhenTheSectionsAreAbsent() {
        BridgeConfig c = parse("");
        assertThat(c.serve().bind()).isEqualTo("0.0.0.0");
        assertThat(c.serve().port()).isEqualTo(8088);
        assertThat(c.serve().adminToken()).isEmpty();
        assertThat(c.schedule().incremental()).contains(Duration.ofMinutes(5));
        assertThat(c.schedule().reconcile()).contains("30 3 * * *");
    }

    @Test
    void readsEverySettingWithTheTokenFromTheEnvironment() {
        BridgeConfig c = parse("""
                serve:
                  bind: 127.0.0.1
                  port: 9090
                  admin-token: ${ADMIN_TOKEN}
                schedule:
                  incremental: 30s
                  reconcile: "15 2 * * MON-FRI"
                """);
        assertThat(c.serve().bind()).isEqualTo("127.0.0.1");
        assertThat(c.serve().port()).isEqualTo(9090);
        assertThat(c.serve().adminToken()).contains("a".repeat(32));
        assertThat(c.serve().toString()).doesNotContain("aaaa");
        assertThat(c.schedule().incremental()).contains(Duration.ofSeconds(30));
        assertThat(c.schedule().reconcile()).contains("15 2 * * MON-FRI");
    }

    @Test
    void offTurnsEitherScheduleOff() {
        BridgeConfig c = parse("""
                schedule:
                  incremental: off
                  reconcile: off
                """);
        assertThat(c.schedule().incremental()).isEmpty();
        assertThat(c.schedule().reconcile()).isEmpty();
    }

    @Test
    void badValuesNameKeyAndLine() {
        assertThatThrownBy(() -> parse("""
                serve:
                  port: 70000
                  admin-token: short
                schedule:
                  incremental: 0s
                  reconcile: "61 * * * *"
                  every: 5m
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("serve.port (line 8): must be between 0 and 65535")
                .hasMessageContaining("serve.admin-token (line 9): must be at least 24 characters")
                .hasMessageContaining("schedule.incremental (line 11): must be at least 1s")
                .hasMessageContaining("schedule.reconcile (line 12): cron minute field '61'")
                .hasMessageContaining("unknown key 'every'");
    }
}
