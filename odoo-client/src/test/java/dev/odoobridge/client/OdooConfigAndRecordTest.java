package dev.odoobridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.value.Ref;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdooConfigAndRecordTest {

    private static OdooConfig.Builder valid() {
        return OdooConfig.builder().url("http://localhost:8069").database("retail").login("admin").secret("t0p-s3cret");
    }

    @Test
    void validationMessagesSayWhatIsMissing() {
        assertThatThrownBy(() -> OdooConfig.builder().build()).hasMessageContaining("url is required");
        assertThatThrownBy(() -> valid().url("ftp://x").build()).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> valid().database(" ").build()).hasMessageContaining("database is required");
        assertThatThrownBy(() -> valid().secret("").build()).hasMessageContaining("secret");
        assertThatThrownBy(() -> valid().requestTimeout(Duration.ZERO).build()).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> valid().maxResponseBytes(0).build()).hasMessageContaining("maxResponseBytes");
    }

    @Test
    void toStringHidesTheSecretAndToBuilderCopies() {
        OdooConfig c = valid().context("lang", "en_US").build();
        assertThat(c.toString()).doesNotContain("t0p-s3cret").contains("secret=****");
        assertThat(c.toBuilder().build().defaultContext()).isEqualTo(Map.of("lang", "en_US"));
        assertThat(c.transport()).isEqualTo(Transport.AUTO);
    }

    @Test
    void retryPolicyBackoffGrowsAndIsCapped() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300), 2.0);
        assertThat(p.backoffBound(1)).isEqualTo(Duration.ZERO);
        assertThat(p.backoffBound(2)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.backoffBound(3)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.backoffBound(4)).isEqualTo(Duration.ofMillis(300));
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ZERO, Duration.ZERO, 0.5)).hasMessageContaining("multiplier");
    }

    @Test
    void recordGettersMapFalseByType() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("id", 43);
        raw.put("name", "Chicago");
        raw.put("email", false);
        raw.put("is_company", true);
        raw.put("child_ids", List.of(44));
        raw.put("country_id", List.of(233, "United States"));
        raw.put("parent_id", false);
        raw.put("write_date", "2026-11-21 19:14:41");
        OdooRecord r = OdooRecord.of(raw);
        assertThat(r.id()).isEqualTo(43);
        assertThat(r.getString("name")).isEqualTo("Chicago");
        assertThat(r.getString("email")).isNull();
        assertThat(r.getBoolean("is_company")).isTrue();
        assertThat(r.getBoolean("email")).isFalse();
        assertThat(r.getIds("child_ids")).containsExactly(44L);
        assertThat(r.getRef("country_id")).isEqualTo(new Ref(233, "United States"));
        assertThat(r.getRef("parent_id")).isNull();
        assertThat(r.getIds("parent_id")).isEmpty();
        assertThat(r.getInstant("write_date")).isEqualTo(Instant.parse("2026-11-21T19:14:41Z"));
        assertThat(r.has("email")).isTrue();
        assertThat(r.has("phone")).isFalse();
        assertThat(OdooRecord.of(Map.of("__count", 2)).id()).isZero();
    }
}
