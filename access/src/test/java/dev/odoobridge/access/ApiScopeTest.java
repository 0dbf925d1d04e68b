package dev.odoobridge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiScopeTest {

    @Test
    void emptyAllowListAllowsEverything() {
        ApiScope s = ApiScope.ofSource("shop");
        assertThat(s.allows("products")).isTrue();
        assertThat(s.isVendorScoped()).isFalse();
    }

    @Test
    void allowListLimitsResources() {
        ApiScope s = new ApiScope("shop", OptionalLong.of(7), Set.of("products", "stock"));
        assertThat(s.allows("products")).isTrue();
        assertThat(s.allows("sale_orders")).isFalse();
        assertThat(s.isVendorScoped()).isTrue();
    }

    @Test
    void keyScopeCarriesSourceVendorAndResources() {
        ApiKey k = new ApiKey("0123456789ab", "shop", OptionalLong.of(42), Set.of("products"), List.of(), "app",
                Instant.EPOCH, Optional.empty(), Optional.empty());
        assertThat(k.scope()).isEqualTo(new ApiScope("shop", OptionalLong.of(42), Set.of("products")));
        assertThat(k.isActive()).isTrue();
    }

    @Test
    void newKeysAreValidated() {
        assertThatThrownBy(() -> NewApiKey.builder(" ").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NewApiKey.builder("shop").vendor(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NewApiKey.builder("shop").corsOrigins(List.of("https://a.example/path")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NewApiKey.builder("shop").resources(List.of("")).build())
                .isInstanceOf(IllegalArgumentException.class);
        NewApiKey ok = NewApiKey.builder("shop").vendor(3).resources(List.of("products", " stock"))
                .corsOrigins(List.of("https://app.example:8443")).label("pos").build();
        assertThat(ok.resources()).containsExactlyInAnyOrder("products", "stock");
    }
}
