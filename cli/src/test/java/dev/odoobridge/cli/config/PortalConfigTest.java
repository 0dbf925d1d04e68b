package dev.odoobridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.portal.PortalConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code portal:} section. */
class PortalConfigTest {
    private static final String BASE = """
            sources:
              shop:
                url: https://shop.example.com
                database: shop
                login: sync@example.com
                secret: k3y
              outlet:
                url: https://outlet.example.com
                database: outlet
                login: sync@example.com
                secret: k3y
            vendor:
              otp-secret: a-long-otp-secret-0123456789
            """;

    private final ConfigLoader loader = new ConfigLoader(Map.of("OIDC_SECRET", "s3cret-from-env")::get);

    private BridgeConfig parse(String yaml) {
        return loader.parse(BASE + yaml, "t.yaml", Path.of("."));
    }

    @Test
    void offUnlessEnabled() {
        assertThat(parse("").portal().enabled()).isFalse();
        assertThat(parse("portal:\n  enabled: false\n  mail-source: outlet\n").portal().enabled()).isFalse();
    }

    @Test
    void defaultsWhenEnabled() {
        PortalConfig p = parse("portal:\n  enabled: true\n").portal().config().orElseThrow();
        assertThat(p.mailSource()).isEqualTo("shop");
        assertThat(p.secureCookies()).isTrue();
        assertThat(p.sessionIdle()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.sessionAbsolute()).isEqualTo(Duration.ofHours(12));
        assertThat(p.oidc()).isEmpty();
    }

    @Test
    void readsEverySetting() {
        PortalConfig p = parse("""
                portal:
                  enabled: true
                  mail-source: outlet
                  secure-cookies: false
                  session-idle: 15m
                  session-absolute: 8h
                  oidc:
                    issuer: https://login.example.com/realms/vendors
                    client-id: portal
                    client-secret: ${OIDC_SECRET}
                """).portal().config().orElseThrow();
        assertThat(p.mailSource()).isEqualTo("outlet");
        assertThat(p.secureCookies()).isFalse();
        assertThat(p.sessionIdle()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.sessionAbsolute()).isEqualTo(Duration.ofHours(8));
        PortalConfig.Oidc o = p.oidc().orElseThrow();
        assertThat(o.issuer()).isEqualTo(URI.create("https://login.example.com/realms/vendors"));
        assertThat(o.clientSecret()).isEqualTo("s3cret-from-env");
        assertThat(o.redirectPath()).isEqualTo("/signin/oidc/callback");
        assertThat(o.toString()).doesNotContain("s3cret");
    }

    @Test
    void problemsNameTheirKeyAndLine() {
        assertThatThrownBy(() -> parse("""
                portal:
                  enabled: yes
                  mail-source: nowhere
                  secure-cookie: false
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("portal.enabled (line 15): must be true or false")
                .hasMessageContaining("unknown key 'secure-cookie' (did you mean 'secure-cookies'?)");
        assertThatThrownBy(() -> parse("""
                portal:
                  enabled: true
                  mail-source: nowhere
                  session-idle: 2h
                  session-absolute: 1h
                  oidc:
                    issuer: http://login.example.com
                    client-id: portal
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("portal.mail-source (line 16): unknown source 'nowhere'")
                .hasMessageContaining("session-absolute must be at least session-idle")
                .hasMessageContaining("'client-secret' is required");
        assertThatThrownBy(() -> loader.parse(BASE.replace("  otp-secret: a-long-otp-secret-0123456789\n", "")
                + "portal:\n  enabled: true\n", "t.yaml", Path.of("."))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("the portal needs vendor.otp-secret");
        assertThatThrownBy(() -> parse("""
                portal:
                  enabled: true
                  oidc:
                    issuer: http://login.example.com
                    client-id: portal
                    client-secret: x
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("must be an https:// URL");
    }
}
