package dev.odoobridge.access;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * For handlers that refuse a request before reading its body (a wrong key, a wrong token, a method not
 * allowed): the rest of the body is read and dropped, up to a bound, before the answer is written, so a
 * client still sending it reads the refusal on a connection that stays usable instead of a reset or a
 * silently closed keep-alive connection. A body over the bound is left unread and Jetty closes the
 * connection after the answer.
 */
public final class RefusedBodies {
    /** The most a refused request may still send and keep its connection: 4 MiB. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

    private RefusedBodies() {
    }

    /** Reads and drops what is left of the request's body, up to {@code maxBytes}; never throws. */
    public static void drain(Request request, long maxBytes) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0 && total <= maxBytes; n = in.read(buffer)) {
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent a malformed body: the answer is still attempted
        }
    }
}
