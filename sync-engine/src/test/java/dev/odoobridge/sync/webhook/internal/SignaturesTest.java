package dev.odoobridge.sync.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    // Example from the Standard Webhooks specification
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String TS = "1614265330";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final Instant AT = Instant.ofEpochSecond(1614265330);

    final Signatures signatures = new Signatures(SECRET, Duration.ofMinutes(5));

    @Test
    void matchesTheSpecificationExample() {
        assertThat(Base64.getEncoder().encodeToString(signatures.sign(ID, TS, BODY)))
                .isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(signatures.check(ID, TS, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", BODY, AT)).isNull();
    }

    @Test
    void acceptsAnyOfSeveralSignatures() {
        String header = "v1,bm9wZQ== v2,xyz v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertThat(signatures.check(ID, TS, header, BODY, AT)).isNull();
    }

    @Test
    void rejectsTamperingWrongSecretAndStaleTimestamps() {
        String sig = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertThat(signatures.check(ID, TS, sig, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), AT))
                .contains("no valid v1 signature");
        assertThat(new Signatures("whsec_" + Base64.getEncoder().encodeToString(new byte[24]), Duration.ofMinutes(5))
                .check(ID, TS, sig, BODY, AT)).contains("no valid v1 signature");
        assertThat(signatures.check(ID, TS, sig, BODY, AT.plus(Duration.ofMinutes(6)))).contains("outside");
        assertThat(signatures.check(ID, TS, sig, BODY, AT.minus(Duration.ofMinutes(6)))).contains("outside");
        assertThat(signatures.check(ID, "soon", sig, BODY, AT)).contains("not a number");
        assertThat(signatures.check(null, TS, sig, BODY, AT)).contains("missing");
        assertThat(signatures.check(ID, TS, "v1,not base64!", BODY, AT)).contains("no valid v1 signature");
    }
}
