package dev.odoobridge.vendors;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of one-time codes, shared by vendor linking and the portal's sign-in: 6-digit codes and random ids
 * from a CSPRNG, codes stored only as HMAC-SHA-256 under a server secret and bound to their context (challenge id,
 * identity, ...), compared in constant time. Thread-safe.
 */
public final class OneTimeCodes {
    /** Shortest server secret accepted, in bytes. */
    public static final int MIN_SECRET_BYTES = 16;

    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret the HMAC key, at least {@value #MIN_SECRET_BYTES} bytes
     */
    public OneTimeCodes(byte[] secret) {
        Objects.requireNonNull(secret, "secret == null");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the OTP secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (set vendor.otp-secret to a long random string)");
        }
        this.secret = secret.clone();
    }

    /** A new 6-digit code, uniformly drawn. */
    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** A new random id of {@code bytes} random bytes, hex-encoded. */
    public String newId(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    /** {@code n} bytes from the CSPRNG. */
    public byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * HMAC-SHA-256 of the parts joined by newlines (the code last, its context first, so a code is only valid for
     * the context it was issued for).
     */
    public byte[] hash(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of two hashes. */
    public static boolean matches(byte[] given, byte[] expected) {
        return given != null && expected != null && MessageDigest.isEqual(given, expected);
    }
}
