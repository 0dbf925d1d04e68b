package dev.odoobridge.sync.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>">} (several space-separated signatures allowed, for
 * key rotation), with the timestamp in Unix seconds within a tolerance of now.
 */
public final class Signatures {
    private final byte[] key;
    private final Duration tolerance;

    /** For a secret {@code whsec_<base64>} (decoded) or any other string (its UTF-8 bytes). */
    public Signatures(String secret, Duration tolerance) {
        this.key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6))
                : secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /** Null when valid, else the reason (for the 401 answer; it never reveals the expected value). */
    public String check(String id, String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature header";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not a number of seconds";
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return "webhook-timestamp is outside the accepted window of " + tolerance.toSeconds() + " s";
        }
        byte[] expected = sign(id, timestamp.trim(), body);
        for (String candidate : signatureHeader.trim().split(" +")) {
            if (!candidate.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }
        return "no valid v1 signature in webhook-signature";
    }

    /** The raw HMAC of one message (also used by tests and by senders). */
    public byte[] sign(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not usable in this JVM", e);
        }
    }
}
