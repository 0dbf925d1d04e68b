package dev.odoobridge.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure FakeOdoo can inject into an HTTP exchange instead of (or before) serving it. Use the
 * constants or the factories for a custom duration, with {@link FakeOdoo#faults()}.
 *
 * @param kind what goes wrong
 * @param duration the added latency ({@link Kind#LATENCY}) or how long the request is held
 *                 ({@link Kind#TIMEOUT}); zero for the other kinds
 */
public record Fault(Kind kind, Duration duration) {
    /** The kinds of injected failure. */
    public enum Kind {
        /** Serve the request normally after a delay. */
        LATENCY,
        /** Answer 502 Bad Gateway (a proxy in front of a dead Odoo worker) without serving the call. */
        HTTP_502,
        /** Answer 503 Service Unavailable without serving the call. */
        HTTP_503,
        /** Close the connection without any response, before serving the call. */
        RESET,
        /** Serve the call (it takes effect), then close the connection without a response. */
        RESET_AFTER_CALL,
        /** Hold the request without answering for the duration, then close the connection. */
        TIMEOUT,
        /** Answer 200 with the endpoint's content type and a truncated, unparseable body. */
        MALFORMED
    }

    /** 502 Bad Gateway. */
    public static final Fault HTTP_502 = new Fault(Kind.HTTP_502, Duration.ZERO);
    /** 503 Service Unavailable. */
    public static final Fault HTTP_503 = new Fault(Kind.HTTP_503, Duration.ZERO);
    /** Connection closed without a response; the call is not served. */
    public static final Fault RESET = new Fault(Kind.RESET, Duration.ZERO);
    /** The call is served, then the connection is closed without a response (a lost answer). */
    public static final Fault RESET_AFTER_CALL = new Fault(Kind.RESET_AFTER_CALL, Duration.ZERO);
    /** The request is held for 30 s (longer than any sane client timeout) and never answered. */
    public static final Fault TIMEOUT = new Fault(Kind.TIMEOUT, Duration.ofSeconds(30));
    /** A truncated body with status 200. */
    public static final Fault MALFORMED = new Fault(Kind.MALFORMED, Duration.ZERO);
    /** 500 ms of added latency. */
    public static final Fault LATENCY = new Fault(Kind.LATENCY, Duration.ofMillis(500));

    public Fault {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(duration, "duration == null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
    }

    /** Serve the request after {@code delay}. */
    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, delay);
    }

    /** Hold the request for {@code hold} without answering, then drop the connection. */
    public static Fault timeout(Duration hold) {
        return new Fault(Kind.TIMEOUT, hold);
    }
}
