package dev.odoobridge.client.internal.http;

import java.io.IOException;

/** Raised by {@link CappedInputStream} when a body passes the configured cap. */
public final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(long cap) {
        super("response body exceeds the configured maximum of " + cap + " bytes");
    }
}
