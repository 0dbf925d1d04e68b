package dev.odoobridge.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyTokensTest {

    @Test
    void tokensRoundTripAndHashIsNotTheSecret() {
        String id = KeyTokens.newId();
        String secret = KeyTokens.newSecret();
        String token = KeyTokens.token(id, secret);
        assertThat(token).startsWith("obk_" + id + "_");
        assertThat(KeyTokens.parse(token)).hasValue(new KeyTokens.Parsed(id, secret));
        byte[] hash = KeyTokens.hash(secret);
        assertThat(hash).hasSize(32).isNotEqualTo(secret.getBytes());
        assertThat(KeyTokens.matches(secret, hash)).isTrue();
        assertThat(KeyTokens.matches(secret.substring(1) + "A", hash)).isFalse();
    }

    @Test
    void secretsAreUniqueAndLong() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String s = KeyTokens.newSecret();
            assertThat(s).hasSize(43);
            assertThat(seen.add(s)).isTrue();
        }
    }

    @Test
    void malformedTokensAreRejected() {
        String good = KeyTokens.token("0123456789ab", KeyTokens.newSecret());
        assertThat(KeyTokens.parse(good)).isPresent();
        assertThat(KeyTokens.parse(null)).isEmpty();
        assertThat(KeyTokens.parse("")).isEmpty();
        assertThat(KeyTokens.parse(good.substring(0, good.length() - 1))).isEmpty();
        assertThat(KeyTokens.parse(good + "x")).isEmpty();
        assertThat(KeyTokens.parse(good.replace("obk_", "xyz_"))).isEmpty();
        assertThat(KeyTokens.parse("obk_0123456789AB_" + KeyTokens.newSecret())).isEmpty();
    }
}
