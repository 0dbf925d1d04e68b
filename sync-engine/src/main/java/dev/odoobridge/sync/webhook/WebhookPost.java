package dev.odoobridge.sync.webhook;

import java.io.IOException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One post as a transport received it, before any check: the source and token from its path
 * {@code /webhook/<source>/<token>}, the method, a header lookup and a way to read the body.
 *
 * @param source the source named in the path (null when the path has none)
 * @param token the token in the path (null when the path has none)
 * @param method the HTTP method, upper-case
 * @param headers header value by case-insensitive name, null when absent
 * @param declaredLength the declared {@code Content-Length}, empty when absent or unparseable
 *        (see {@code lengthMalformed})
 * @param lengthMalformed true when a {@code Content-Length} header was sent but is not a number
 * @param body reads the body; called only after the path, token and method are accepted
 */
public record WebhookPost(String source, String token, String method, Function<String, String> headers,
                          OptionalLong declaredLength, boolean lengthMalformed, BodyReader body) {
    public WebhookPost {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(headers, "headers == null");
        Objects.requireNonNull(declaredLength, "declaredLength == null");
        Objects.requireNonNull(body, "body == null");
    }

    /** Reads a request body. */
    @FunctionalInterface
    public interface BodyReader {
        /**
         * Reads the body, stopping after {@code limit} bytes: returns at most {@code limit} bytes, or
         * more than {@code limit} when the body is larger (the intake refuses it then).
         */
        byte[] read(int limit) throws IOException;
    }
}
